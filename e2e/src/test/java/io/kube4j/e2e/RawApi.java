package io.kube4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain HTTPS requests to the API server with the JDK client, for bodies kubectl cannot produce.
 * Trusts the cluster CA from the kubeconfig and presents its admin client certificate unless
 * built {@link #anonymous anonymous}.
 */
public final class RawApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] NO_PASSWORD = new char[0];

    private final HttpClient client;
    private final URI server;

    private RawApi(HttpClient client, URI server) {
        this.client = client;
        this.server = server;
    }

    /** A response: status code, headers and body text. */
    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** Authenticates with the kubeconfig's client certificate. */
    public static RawApi admin(Path kubeconfig) {
        return fromKubeconfig(kubeconfig, true);
    }

    /** Sends no client certificate (and no token). */
    public static RawApi anonymous(Path kubeconfig) {
        return fromKubeconfig(kubeconfig, false);
    }

    private static RawApi fromKubeconfig(Path kubeconfig, boolean withClientCertificate) {
        try {
            JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(kubeconfig.toFile());
            JsonNode cluster = config.path("clusters").get(0).path("cluster");
            JsonNode user = config.path("users").get(0).path("user");
            SSLContext tls = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (withClientCertificate) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(clientKeyStore(decoded(user, "client-certificate-data"), decoded(user, "client-key-data")),
                        NO_PASSWORD);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caTrustStore(decoded(cluster, "certificate-authority-data")));
            tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            return new RawApi(client, URI.create(cluster.path("server").asText()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an HTTPS client from " + kubeconfig, e);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, (byte[]) null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, (byte[]) null);
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decoded(JsonNode node, String field) {
        return Base64.getDecoder().decode(node.path(field).asText());
    }

    private static KeyStore clientKeyStore(byte[] certificatePem, byte[] keyPem) throws GeneralSecurityException,
            IOException {
        Certificate certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificatePem));
        PrivateKey key;
        try (PEMParser parser = new PEMParser(new java.io.StringReader(new String(keyPem, StandardCharsets.US_ASCII)))) {
            Object pem = parser.readObject();
            PrivateKeyInfo info = pem instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) pem;
            key = new JcaPEMKeyConverter().getPrivateKey(info);
        }
        KeyStore store = emptyKeyStore();
        store.setKeyEntry("admin", key, NO_PASSWORD, new Certificate[] {certificate});
        return store;
    }

    private static KeyStore caTrustStore(byte[] caPem) throws GeneralSecurityException, IOException {
        KeyStore store = emptyKeyStore();
        store.setCertificateEntry("cluster-ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem)));
        return store;
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
