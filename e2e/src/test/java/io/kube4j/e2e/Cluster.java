package io.kube4j.e2e;

import io.kube4j.apiserver.ApiServer;
import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.cli.Kube4jServer;
import io.kube4j.node.sim.SimulatedNodes;
import io.kube4j.node.sim.SimulatedNodesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A whole kube4j server (API server, scheduler, controllers and, when asked, simulated nodes)
 * started in this JVM on a free loopback port with a fresh data dir, and a {@link Kubectl} bound to
 * its admin kubeconfig. One per test class.
 */
public final class Cluster implements AutoCloseable {
    private final Path dataDir;
    private final Kube4jServer server;
    private final Kubectl kubectl;

    private Cluster(Path dataDir, Kube4jServer server) {
        this.dataDir = dataDir;
        this.server = server;
        this.kubectl = new Kubectl(server.api().kubeconfig(), dataDir.resolve("kubectl-cache"));
    }

    /** A cluster without nodes: pods stay Pending. */
    public static Cluster start() throws Exception {
        return start(0);
    }

    /** A cluster with {@code nodes} simulated nodes ({@code sim-0}...). */
    public static Cluster start(int nodes) throws Exception {
        Path dir = Files.createTempDirectory("kube4j-e2e");
        ApiServerConfig config = new ApiServerConfig(dir, "127.0.0.1", 0, "127.0.0.1", null, "e2e-token",
                "10.96.0.0/12");
        return new Cluster(dir, Kube4jServer.start(new Kube4jServer.Settings(config,
                nodes == 0 ? null : SimulatedNodesConfig.defaults(nodes))));
    }

    public Kubectl kubectl() {
        return kubectl;
    }

    /** HTTPS requests as the admin user, for bodies kubectl cannot send. */
    public RawApi api() {
        return RawApi.admin(server().kubeconfig());
    }

    /** HTTPS requests without any credentials. */
    public RawApi anonymousApi() {
        return RawApi.anonymous(server().kubeconfig());
    }

    public ApiServer server() {
        return server.api();
    }

    public SimulatedNodes nodes() {
        return server.simulatedNodes();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
