package io.kube4j.apiserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and trust stores work with the JDK's TLS stack, mutual authentication included. */
class MutualTlsHandshakeTest {

    private static final char[] CLIENT_PASSWORD = "client".toCharArray();

    @TempDir
    Path dataDir;

    @Test
    void adminClientAuthenticatesOverLoopback() throws Exception {
        ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, List.of(), List.of("10.96.0.1"));
        IssuedCertificate admin = certificates.adminCertificate();
        SSLContext client = clientContext(Pem.certificate(admin.certificatePem()),
                Pem.privateKey(admin.privateKeyPem()), Pem.certificate(certificates.caCertificatePem()));

        ClientIdentity identity = handshake(serverContext(certificates), client);

        assertEquals(new ClientIdentity("kube4j-admin", List.of("system:masters")), identity);
    }

    @Test
    void clientFromAnotherCaIsRejected() throws Exception {
        ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, List.of(), List.of("10.96.0.1"));
        IssuedCertificate stranger = CertificateAuthority.create().issueClient("mallory", List.of("system:masters"));
        SSLContext client = clientContext(stranger.certificate(), stranger.privateKey(), certificates.caCertificate());

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> handshake(serverContext(certificates), client));

        assertInstanceOf(SSLException.class, failure.getCause());
    }

    private static SSLContext serverContext(ClusterCertificates certificates) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificates.serverKeyStore(), certificates.keyStorePassword().toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static SSLContext clientContext(X509Certificate certificate, PrivateKey key,
            X509Certificate ca) throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("client", key, CLIENT_PASSWORD, new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, CLIENT_PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** Runs one handshake; the server requires a client certificate and reports whom it authenticated. */
    private static ClientIdentity handshake(SSLContext serverContext, SSLContext clientContext) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            CompletableFuture<ClientIdentity> accepted = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket connection = (SSLSocket) server.accept()) {
                    connection.startHandshake();
                    ClientIdentity identity = ClientIdentity.fromCertificate(
                            (X509Certificate) connection.getSession().getPeerCertificates()[0]);
                    connection.getOutputStream().write(1);
                    return identity;
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the 127.0.0.1 SAN must match
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException clientSideFailure) {
                // The server's verdict, awaited below, is what the test asserts.
            }
            return accepted.get(10, TimeUnit.SECONDS);
        }
    }
}
