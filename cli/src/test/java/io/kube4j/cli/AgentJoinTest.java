package io.kube4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.apiserver.join.ClusterToken;
import io.kube4j.apiserver.tls.ClusterCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kube4j agent} against an in-process {@code kube4j server} with a generated token. */
class AgentJoinTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static Kube4jServer server;
    private static String url;
    private static Path tokenFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = Kube4jServer.start(new Kube4jServer.Settings(
                new ApiServerConfig(dataDir, "127.0.0.1", 0, "127.0.0.1", null, null, "10.96.0.0/12"), null));
        url = "https://127.0.0.1:" + server.api().port();
        tokenFile = dataDir.resolve(ClusterToken.FILE_NAME);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void simulatedNodesJoinWithTheTokenFileAndRunAPod() throws Exception {
        try (Agent agent = agent("--server", url, "--token-file", tokenFile.toString(), "--simulate", "2",
                "--node-name-prefix", "joined-")) {
            assertEquals(List.of("joined-0", "joined-1"), agent.simulatedNodes().nodeNames());
            KubernetesClient admin = server.client();
            for (String name : agent.simulatedNodes().nodeNames()) {
                Poll.until(TIMEOUT, () -> admin.nodes().withName(name).get(), AgentJoinTest::ready, name + " Ready");
            }
            admin.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("web")
                    .endMetadata().withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer()
                    .withNodeSelector(Map.of("kubernetes.io/hostname", "joined-1"))
                    .endSpec().build()).create();
            Pod running = Poll.until(TIMEOUT, () -> admin.pods().inNamespace("default").withName("web").get(),
                    pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()), "pod web Running");
            assertEquals("joined-1", running.getSpec().getNodeName());
        }
    }

    @Test
    void aBareSecretJoinsWithServerCa() throws Exception {
        String secret = server.api().joinToken().joinToken().secret();
        try (Agent agent = agent("--server", url, "--token", secret, "--server-ca",
                dataDir.resolve("tls/ca.crt").toString(), "--simulate", "1", "--node-name-prefix", "bare-")) {
            Node node = Poll.until(TIMEOUT, () -> server.client().nodes().withName("bare-0").get(),
                    AgentJoinTest::ready, "bare-0 Ready");
            assertEquals("bare-0", node.getMetadata().getName());
        }
    }

    @Test
    void theClientVerifiesTheServerAgainstTheCaItTrusts() throws Exception {
        Path otherDataDir = Files.createTempDirectory(dataDir, "other");
        ClusterCertificates.loadOrCreate(otherDataDir, List.of(), List.of());
        Path otherCa = otherDataDir.resolve("tls/ca.crt");
        Exception e = assertThrows(Exception.class, () -> agent("--server", url, "--token", "s3cret",
                "--server-ca", otherCa.toString(), "--simulate", "1", "--node-name-prefix", "untrusted-"));
        assertTrue(causes(e).anyMatch(SSLHandshakeException.class::isInstance), e.toString());
    }

    @Test
    void aWrongSecretIsRefusedWith401() {
        String wrong = "K10" + server.api().joinToken().joinToken().caHash() + "::server:wrong-secret";
        JoinException e = assertThrows(JoinException.class,
                () -> agent("--server", url, "--token", wrong, "--simulate", "1", "--node-name-prefix", "wrong-"));
        assertTrue(e.getMessage().contains("refused the join token: 401 Unauthorized"), e.getMessage());
        assertNull(server.client().nodes().withName("wrong-0").get());
    }

    @Test
    void aBareSecretWithoutServerCaIsAnError() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> agent("--server", url, "--token", "s3cret", "--simulate", "1"));
        assertTrue(e.getMessage().contains("--server-ca"), e.getMessage());
    }

    private static Agent agent(String... args) throws Exception {
        AgentCommand command = new AgentCommand();
        new CommandLine(command).parseArgs(args);
        return command.start();
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }

    private static boolean ready(Node node) {
        return node != null && node.getStatus() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
