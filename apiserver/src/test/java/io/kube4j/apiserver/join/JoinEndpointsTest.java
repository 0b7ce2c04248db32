package io.kube4j.apiserver.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.apiserver.testing.TestApiServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server side of joining: the public {@code /cacerts} and the join token as a bearer token. */
class JoinEndpointsTest {
    private static TestApiServer server;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TestApiServer.start();
        base = "https://127.0.0.1:" + server.server().port();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(server.dataDir().resolve("tls/ca.crt")))));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(tls).build();
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        server.close();
    }

    @Test
    void servesTheCaWithoutAuthentication() throws Exception {
        HttpResponse<String> response = get("/cacerts", null);
        assertEquals(200, response.statusCode());
        assertEquals(Files.readString(server.dataDir().resolve("tls/ca.crt"), StandardCharsets.UTF_8), response.body());
    }

    @Test
    void theTokenFileHoldsTheFullTokenOfTheConfiguredSecret() throws Exception {
        JoinToken stored = JoinToken.parse(Files.readString(server.dataDir().resolve(ClusterToken.FILE_NAME)));
        assertEquals("test-token", stored.secret());
        assertEquals(stored, server.server().joinToken().joinToken());
    }

    @Test
    void acceptsTheSecretAndTheFullTokenAsBearer() throws Exception {
        assertEquals(200, get("/api/v1/namespaces", "test-token").statusCode());
        assertEquals(200, get("/api/v1/namespaces", server.server().joinToken().joinToken().text()).statusCode());
    }

    @Test
    void refusesOtherBearerTokensAndAnonymousCallers() throws Exception {
        HttpResponse<String> wrong = get("/api/v1/namespaces", "not-the-token");
        assertEquals(401, wrong.statusCode());
        assertEquals("Unauthorized", new ObjectMapper().readTree(wrong.body()).path("reason").asText());
        assertEquals(401, get("/api/v1/namespaces", null).statusCode());
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
