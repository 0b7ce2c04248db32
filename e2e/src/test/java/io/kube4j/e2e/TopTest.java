package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl top}: metrics.k8s.io served from the usage simulated nodes report, which a pod
 * sets with the {@code kube4j.io/sim-cpu-usage} and {@code kube4j.io/sim-memory-usage} annotations.
 */
class TopTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Cluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(3);
        kubectl = cluster.kubectl();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void topShowsTheUsageSimulatedPodsReport() {
        String ns = "metrics";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.run("create", "deployment", "web", "--image=nginx:1.25", "--replicas=2", "-n", ns).ok();
        kubectl.run("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s").ok();
        PodList pods = Await.until("2 ready pods", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"),
                p -> p.ready().size() == 2 && p.size() == 2);
        String busy = pods.names().get(0);
        String idle = pods.names().get(1);
        String busyNode = PodList.nodeName(pods.items().get(0));
        kubectl.run("annotate", "pod", busy, "kube4j.io/sim-cpu-usage=250m", "kube4j.io/sim-memory-usage=64Mi",
                "-n", ns).ok();

        List<String> podRows = Await.until("top pods shows " + busy + " at 250m", TIMEOUT,
                () -> kubectl.run("top", "pods", "-n", ns).ok().stdout().lines().toList(),
                rows -> rows.stream().anyMatch(r -> r.matches(busy + "\\s+250m\\s+64Mi\\s*")));
        assertTrue(podRows.getFirst().matches("NAME\\s+CPU\\(cores\\)\\s+MEMORY\\(bytes\\)\\s*"), podRows::toString);
        assertEquals(3, podRows.size(), podRows::toString);
        assertTrue(podRows.stream().anyMatch(r -> r.matches(idle + "\\s+0m\\s+0Mi\\s*")), podRows::toString);
        String single = kubectl.run("top", "pod", busy, "-n", ns).ok().stdout();
        assertTrue(single.lines().skip(1).findFirst().orElseThrow().matches(busy + "\\s+250m\\s+64Mi\\s*"), single);

        List<String> nodeRows = Await.until("top nodes counts the pod's usage on " + busyNode, TIMEOUT,
                () -> kubectl.run("top", "nodes").ok().stdout().lines().toList(),
                rows -> rows.stream().anyMatch(r -> r.startsWith(busyNode + " ") && r.contains(" 250m ")));
        assertTrue(nodeRows.getFirst().matches("NAME\\s+CPU\\(cores\\)\\s+CPU\\(%\\)\\s+MEMORY\\(bytes\\)\\s+MEMORY\\(%\\)\\s*"),
                nodeRows::toString);
        assertEquals(4, nodeRows.size(), nodeRows::toString);
        // 250m of 32 cores and 64Mi of 256Gi both round down to 0%
        assertTrue(nodeRows.stream().anyMatch(r -> r.matches(busyNode + "\\s+250m\\s+0%\\s+64Mi\\s+0%\\s*")), nodeRows::toString);
        for (String node : List.of("sim-0", "sim-1", "sim-2")) {
            assertTrue(nodeRows.stream().anyMatch(r -> r.startsWith(node + " ")), nodeRows::toString);
        }
    }
}
