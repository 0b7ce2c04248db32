package io.kube4j.bench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.bench.ApiClient;
import io.kube4j.bench.Kube4jTarget;
import io.kube4j.bench.ProcessMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code kube4j server --simulated-nodes N} in a process of its own (API server, scheduler,
 * controllers and N kwok-like nodes in one JVM), started and waited for until every node is Ready.
 */
final class SimulatedCluster implements AutoCloseable {
    /** Room for 65,536 node pod CIDRs: the default /16 only fits 512 nodes. */
    static final String CLUSTER_CIDR = "10.128.0.0/9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 2000;

    private final Kube4jTarget server;
    private final ApiClient probe;
    private final int nodes;
    private final double readySeconds;

    private SimulatedCluster(Kube4jTarget server, ApiClient probe, int nodes, double readySeconds) {
        this.server = server;
        this.probe = probe;
        this.nodes = nodes;
        this.readySeconds = readySeconds;
    }

    static SimulatedCluster start(Path jar, int nodes, Duration timeout) throws IOException {
        long started = System.nanoTime();
        Kube4jTarget server = Kube4jTarget.start(jar, List.of("--simulated-nodes", Integer.toString(nodes),
                "--cluster-cidr", CLUSTER_CIDR), timeout);
        ApiClient probe = server.connect();
        try {
            awaitReadyNodes(probe, nodes, started + timeout.toNanos());
            return new SimulatedCluster(server, probe, nodes, (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
            probe.close();
            server.close();
            throw e;
        }
    }

    private static void awaitReadyNodes(ApiClient client, int expected, long deadline) {
        while (true) {
            int ready = readyNodes(client);
            if (ready >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + ready + " of " + expected + " simulated nodes Ready in time");
            }
            Progress.log("%,d of %,d nodes Ready", ready, expected);
            sleep(POLL_MILLIS);
        }
    }

    private static int readyNodes(ApiClient client) {
        JsonNode list;
        try {
            list = JSON.readTree(client.get("/api/v1/nodes", "application/json").bytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse the node list: " + e.getMessage(), e);
        }
        int ready = 0;
        for (JsonNode node : list.path("items")) {
            for (JsonNode condition : node.path("status").path("conditions")) {
                if ("Ready".equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
                    ready++;
                }
            }
        }
        return ready;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    Kube4jTarget server() {
        return server;
    }

    ApiClient connect() {
        return server.connect();
    }

    int nodes() {
        return nodes;
    }

    String nodeName(int index) {
        return "sim-" + index;
    }

    /** Seconds from starting the process until all its nodes were Ready. */
    double readySeconds() {
        return readySeconds;
    }

    /** Nodes whose Ready condition is True now (a node that stopped heartbeating loses it after 40 s). */
    int readyNodes() {
        return readyNodes(probe);
    }

    ProcessMemory memory() {
        return server.serverMemory().orElseThrow();
    }

    long pid() {
        return server.serverPid();
    }

    @Override
    public void close() {
        probe.close();
        server.close();
    }
}
