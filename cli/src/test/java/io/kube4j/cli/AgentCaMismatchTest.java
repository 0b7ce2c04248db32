package io.kube4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kube4j.apiserver.join.JoinToken;
import io.kube4j.apiserver.tls.ClusterCertificates;
import io.kube4j.node.sim.SimulatedNodesConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose token pins another CA than the one the server presents must stop before it sends
 * the token. The "server" here is an impostor that records every request it gets.
 */
class AgentCaMismatchTest {
    /** A request as the impostor saw it: path and Authorization header (null when absent). */
    record Seen(String path, String authorization) {
    }

    @TempDir
    Path dir;

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpsServer impostor;
    private URI url;
    private ClusterCertificates impostorCertificates;

    @BeforeEach
    void startImpostor() throws Exception {
        impostorCertificates = ClusterCertificates.loadOrCreate(dir.resolve("impostor"), List.of(), List.of());
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(impostorCertificates.serverKeyStore(), impostorCertificates.keyStorePassword().toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        impostor = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        impostor.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] caPem = impostorCertificates.caCertificatePem().getBytes(StandardCharsets.UTF_8);
        impostor.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, caPem.length);
            exchange.getResponseBody().write(caPem);
            exchange.close();
        });
        impostor.start();
        url = URI.create("https://127.0.0.1:" + impostor.getAddress().getPort());
    }

    @AfterEach
    void stopImpostor() {
        impostor.stop(0);
    }

    @Test
    void aCaWithAnotherHashStopsTheJoinBeforeTheTokenIsSent() throws Exception {
        ClusterCertificates real = ClusterCertificates.loadOrCreate(dir.resolve("real"), List.of(), List.of());
        JoinToken token = JoinToken.of(real.caCertificate(), "s3cret");

        JoinException e = assertThrows(JoinException.class, () -> Agent.start(new JoinSettings(url, token, null),
                SimulatedNodesConfig.defaults(1)));

        assertTrue(e.getMessage().startsWith("token CA hash does not match the cluster CA certificate hash: "
                + token.caHash() + " != " + JoinToken.caHash(impostorCertificates.caCertificate())), e.getMessage());
        assertEquals(List.of(new Seen("/cacerts", null)), seen);
    }

    @Test
    void aServerCaFileWithAnotherHashStopsTheJoinWithoutAnyRequest() throws Exception {
        ClusterCertificates real = ClusterCertificates.loadOrCreate(dir.resolve("real"), List.of(), List.of());
        Path impostorCa = Files.writeString(dir.resolve("impostor-ca.crt"), impostorCertificates.caCertificatePem());
        JoinToken token = JoinToken.of(real.caCertificate(), "s3cret");

        JoinException e = assertThrows(JoinException.class, () -> Agent.start(new JoinSettings(url, token, impostorCa),
                SimulatedNodesConfig.defaults(1)));

        assertTrue(e.getMessage().contains("refusing to send the token"), e.getMessage());
        assertEquals(List.of(), seen);
    }
}
