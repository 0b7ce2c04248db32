package io.kube4j.controllers.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A node whose heartbeat stops goes Unknown and gets tainted; its pods are marked not ready and
 * evicted when their tolerations run out; a node that beats again loses the taints. Time is a
 * hand-moved clock; the monitor re-checks every 50 ms of real time.
 */
class NodeLifecycleEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSilentNodeGoesUnknownIsTaintedAndLosesItsPods() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (LiveCluster cluster = LiveCluster.start(clock)) {
            KubernetesClient client = cluster.client();
            NodeLifecycleSettings settings = new NodeLifecycleSettings(Duration.ofSeconds(40), Duration.ofSeconds(60),
                    Duration.ofMillis(50));
            cluster.run(new NodeLifecycleController(cluster.context(), settings),
                    new TaintEvictionController(cluster.context()));
            client.nodes().resource(readyNode(START)).create();
            startPod(client, "patient", null);
            startPod(client, "impatient", 10L);
            Thread.sleep(300); // the controllers see the node's first heartbeat at START

            clock.advance(Duration.ofSeconds(41));
            Node unknown = Poll.until(TIMEOUT, "node Ready=Unknown and tainted", () -> {
                Node n = client.nodes().withName("n1").get();
                return "Unknown".equals(NodeConditions.readyStatus(n)) && taintIds(n).size() == 2 ? n : null;
            }, Objects::nonNull);
            assertEquals("NodeStatusUnknown", NodeConditions.ready(unknown).getReason());
            assertEquals(List.of("node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"),
                    taintIds(unknown));
            Poll.until(TIMEOUT, "pods marked not ready", () -> notReady(client, "patient") && notReady(client, "impatient"));

            clock.advance(Duration.ofSeconds(11));
            Poll.until(TIMEOUT, "the pod tolerating 10 s evicted", () -> evicted(client, "impatient"));
            assertEquals(false, evicted(client, "patient"), "the default toleration lasts 300 s");

            clock.advance(Duration.ofSeconds(300));
            Poll.until(TIMEOUT, "the pod with the default 300 s toleration evicted",
                    () -> evicted(client, "patient"));

            Node current = client.nodes().withName("n1").get();
            client.nodes().resource(readyNode(clock.instant()).edit().withMetadata(current.getMetadata())
                    .withSpec(current.getSpec()).build()).updateStatus();
            Node recovered = Poll.until(TIMEOUT, "taints removed after a new heartbeat", () -> {
                Node n = client.nodes().withName("n1").get();
                return taintIds(n).isEmpty() ? n : null;
            }, Objects::nonNull);
            assertEquals("True", NodeConditions.readyStatus(recovered));
        }
    }

    private static Node readyNode(Instant heartbeat) {
        return new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withLastHeartbeatTime(heartbeat.toString()).withLastTransitionTime(heartbeat.toString()).endCondition()
                .endStatus().build();
    }

    /** A pod on n1, running and ready; with {@code unreachableSeconds} it tolerates the unreachable taint that long. */
    private static void startPod(KubernetesClient client, String name, Long unreachableSeconds) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNodeName("n1").addNewContainer().withName("c").withImage("nginx").endContainer().endSpec();
        if (unreachableSeconds != null) {
            pod.editSpec().addNewToleration().withKey(NodeTaints.UNREACHABLE).withOperator("Exists").withEffect("NoExecute")
                    .withTolerationSeconds(unreachableSeconds).endToleration().endSpec();
        }
        Pod created = client.pods().inNamespace("default").resource(pod.build()).create();
        client.pods().inNamespace("default").resource(new PodBuilder(created).withNewStatus().withPhase("Running")
                .withPodIP("10.244.1.2").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).updateStatus();
    }

    private static boolean notReady(KubernetesClient client, String name) {
        Pod pod = client.pods().inNamespace("default").withName(name).get();
        return pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus()));
    }

    /** Deleted, or being deleted (pods bound to a node wait for their kubelet to confirm). */
    private static boolean evicted(KubernetesClient client, String name) {
        Pod pod = client.pods().inNamespace("default").withName(name).get();
        return pod == null || pod.getMetadata().getDeletionTimestamp() != null;
    }

    private static List<String> taintIds(Node node) {
        List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        return taints.stream().map(t -> t.getKey() + ":" + t.getEffect()).sorted().toList();
    }

}
