package io.kube4j.cli;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.ComponentClients;
import io.kube4j.node.sim.SimulatedNodes;
import io.kube4j.node.sim.SimulatedNodesConfig;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What {@code kube4j agent} runs: it establishes trust in the server (see {@link ServerTrust}), checks
 * that the server accepts the join token, then runs simulated nodes against it through a client that
 * verifies the server with that CA and authenticates with the token. Closing stops the nodes.
 */
final class Agent implements AutoCloseable {
    private final KubernetesClient client;
    private final SimulatedNodes nodes;

    private Agent(KubernetesClient client, SimulatedNodes nodes) {
        this.client = client;
        this.nodes = nodes;
    }

    /** Joins the server and registers the simulated nodes; returns once they are all registered. */
    static Agent start(JoinSettings join, SimulatedNodesConfig simulated) throws Exception {
        KubernetesClient client = client(join, ServerTrust.caPem(join));
        try {
            checkTokenAccepted(client, join);
            return new Agent(client, SimulatedNodes.start(client, simulated));
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    SimulatedNodes simulatedNodes() {
        return nodes;
    }

    private static KubernetesClient client(JoinSettings join, String caPem) {
        // Config.empty(): nothing from ~/.kube/config, the environment or a service account may leak in.
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(join.server().toString())
                .withCaCertData(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)))
                .withTrustCerts(false)
                .withOauthToken(join.token().secret())
                .build();
        return ComponentClients.builder(config).build();
    }

    /** One cheap authenticated read, so that a wrong token fails here with a clear message. */
    private static void checkTokenAccepted(KubernetesClient client, JoinSettings join) throws JoinException {
        try {
            client.nodes().list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
                throw new JoinException("the server " + join.server() + " refused the join token: 401 Unauthorized", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        nodes.close();
        client.close();
    }
}
