package io.kube4j.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.ApiServer;
import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.controllers.ComponentClients;
import io.kube4j.controllers.ControllerManager;
import io.kube4j.controllers.leader.LeaderElected;
import io.kube4j.node.sim.SimulatedNodes;
import io.kube4j.node.sim.SimulatedNodesConfig;
import io.kube4j.scheduler.Scheduler;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What {@code kube4j server} runs, in start-up order: the API server; then, as its clients, the
 * leader-elected scheduler and controller manager; then the node side (simulated nodes for now).
 * Closing stops them in reverse order.
 */
public final class Kube4jServer implements AutoCloseable {
    /**
     * @param simulatedNodes the simulated nodes to register, or null for none
     */
    public record Settings(ApiServerConfig api, SimulatedNodesConfig simulatedNodes) {
    }

    private static final int CONCURRENT_REQUESTS = 64;

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final ApiServer api;
    private final KubernetesClient client;
    private final SimulatedNodes simulatedNodes;

    private Kube4jServer(Settings settings) throws Exception {
        api = ApiServer.start(settings.api());
        parts.add(api);
        Config config = Config.fromKubeconfig(Files.readString(api.kubeconfig()));
        // Controllers and simulated nodes write concurrently: fabric8's default is 5 requests per host.
        config.setMaxConcurrentRequests(CONCURRENT_REQUESTS);
        config.setMaxConcurrentRequestsPerHost(CONCURRENT_REQUESTS);
        client = ComponentClients.builder(config).build();
        parts.add(client);
        String identity = InetAddress.getLocalHost().getHostName() + "_" + UUID.randomUUID();
        parts.add(LeaderElected.run(client, "kube-scheduler", identity, () -> Scheduler.start(client)));
        parts.add(LeaderElected.run(client, "kube-controller-manager", identity, () -> ControllerManager.start(client)));
        simulatedNodes = settings.simulatedNodes() == null || settings.simulatedNodes().count() == 0 ? null
                : SimulatedNodes.start(client, settings.simulatedNodes());
        if (simulatedNodes != null) {
            parts.add(simulatedNodes);
            api.metricsSource(new SimulatedUsage(simulatedNodes));
        }
    }

    public static Kube4jServer start(Settings settings) throws Exception {
        return new Kube4jServer(settings);
    }

    public ApiServer api() {
        return api;
    }

    /** A client of this server with admin rights (what the in-process components use). */
    public KubernetesClient client() {
        return client;
    }

    /** The simulated nodes, or null when none were asked for. */
    public SimulatedNodes simulatedNodes() {
        return simulatedNodes;
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // keep stopping the rest: the store must still be closed
            }
        }
    }
}
