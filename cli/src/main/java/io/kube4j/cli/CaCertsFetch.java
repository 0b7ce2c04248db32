package io.kube4j.cli;

import io.kube4j.apiserver.join.CaCertsHandler;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one unverified request of a join: {@code GET /cacerts} without credentials, over TLS that trusts
 * any certificate and any host name. Nothing secret is sent, and what comes back is trusted only once
 * its hash matches the join token (see {@link ServerTrust}).
 */
final class CaCertsFetch {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CaCertsFetch() {
    }

    /** The PEM text the server serves at {@code /cacerts}. */
    static String fetch(URI server) throws JoinException, InterruptedException {
        URI url = server.resolve(CaCertsHandler.PATH);
        HttpClient http = HttpClient.newBuilder().sslContext(acceptingAnyCertificate()).connectTimeout(TIMEOUT).build();
        try (http) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new JoinException("GET " + url + " answered " + response.statusCode() + ": is it a kube4j server?");
            }
            return response.body();
        } catch (IOException e) {
            throw new JoinException("cannot fetch the cluster CA from " + url + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext acceptingAnyCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAny()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts every server certificate. Being an extended trust manager, it also replaces the host name
     * check, which JSSE performs inside the trust manager.
     */
    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
