package io.kube4j.controllers.daemonset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DaemonSets against a real API server; the test registers the nodes and plays the scheduler and kubelet. */
class DaemonSetEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start();
        client = cluster.client();
        cluster.run(new DaemonSetController(cluster.context()));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static void addNode(String name, Map<String, String> labels, List<Taint> taints) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withTaints(taints).endSpec().build()).create();
    }

    private static DaemonSet agent(String name, Map<String, String> nodeSelector) {
        return new DaemonSetBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec()
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().withNodeSelector(nodeSelector)
                .addNewContainer().withName("agent").withImage("agent:1").endContainer().endSpec()
                .endTemplate()
                .endSpec().build();
    }

    /** The node each live pod of the DaemonSet is meant for. */
    private static Map<String, String> podsByNode(String ds) {
        return client.pods().inNamespace("default").withLabel("app", ds).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .collect(Collectors.toMap(DaemonPods::targetNode, p -> p.getMetadata().getName(), (a, b) -> a));
    }

    @Test
    void runsOnePodPerEligibleNodeIncludingNodesThatJoinLater() throws Exception {
        addNode("n1", Map.of("disk", "ssd"), List.of());
        addNode("n2", Map.of("disk", "ssd"), List.of());
        addNode("n3", Map.of("disk", "hdd"), List.of());
        addNode("tainted", Map.of("disk", "ssd"), List.of(new Taint("NoSchedule", "dedicated", null, "gpu")));
        addNode("cordoned", Map.of("disk", "ssd"), List.of(new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null)));
        client.apps().daemonSets().inNamespace("default").resource(agent("agent", Map.of("disk", "ssd"))).create();

        Poll.until(WAIT, "pods on n1, n2 and the cordoned node",
                () -> podsByNode("agent").keySet().equals(Set.of("n1", "n2", "cordoned")));
        Pod pod = client.pods().inNamespace("default").withName(podsByNode("agent").get("n1")).get();
        var term = pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().getFirst();
        assertEquals("metadata.name", term.getMatchFields().getFirst().getKey());
        assertEquals(List.of("n1"), term.getMatchFields().getFirst().getValues());
        Set<String> tolerated = pod.getSpec().getTolerations().stream().map(t -> t.getKey() + ":" + t.getEffect())
                .collect(Collectors.toSet());
        assertTrue(tolerated.containsAll(Set.of("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute",
                "node.kubernetes.io/disk-pressure:NoSchedule", "node.kubernetes.io/memory-pressure:NoSchedule",
                "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule")), tolerated.toString());
        assertTrue(pod.getMetadata().getLabels().containsKey(DaemonPods.REVISION_LABEL));
        assertEquals("1", pod.getMetadata().getLabels().get(DaemonPods.TEMPLATE_GENERATION_LABEL));

        addNode("n4", Map.of("disk", "ssd"), List.of());
        Poll.until(WAIT, "a pod on the new node n4", () -> podsByNode("agent").containsKey("n4"));
        podsByNode("agent").values().forEach(name -> cluster.markRunningReady("default", name));
        Poll.until(WAIT, "status", () -> {
            DaemonSet ds = client.apps().daemonSets().inNamespace("default").withName("agent").get();
            return ds.getStatus() != null && Integer.valueOf(4).equals(ds.getStatus().getNumberReady());
        });
        DaemonSet ds = client.apps().daemonSets().inNamespace("default").withName("agent").get();
        assertEquals(4, ds.getStatus().getDesiredNumberScheduled());
        assertEquals(4, ds.getStatus().getCurrentNumberScheduled());
        assertEquals(4, ds.getStatus().getUpdatedNumberScheduled());
        assertEquals(4, ds.getStatus().getNumberAvailable());
        assertEquals(0, ds.getStatus().getNumberMisscheduled());

        client.nodes().withName("n2").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"disk\":\"hdd\"}}}");
        Poll.until(WAIT, "the pod leaves n2", () -> !podsByNode("agent").containsKey("n2"));
    }

    @Test
    void rollingUpdateReplacesOnePodAtATime() throws Exception {
        addNode("r1", Map.of("pool", "roll"), List.of());
        addNode("r2", Map.of("pool", "roll"), List.of());
        client.apps().daemonSets().inNamespace("default").resource(agent("roller", Map.of("pool", "roll"))).create();
        Poll.until(WAIT, "two pods", () -> podsByNode("roller").size() == 2);
        podsByNode("roller").values().forEach(name -> cluster.markRunningReady("default", name));
        Map<String, String> before = podsByNode("roller");

        client.apps().daemonSets().inNamespace("default").withName("roller").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"agent\",\"image\":\"agent:2\"}]}}}}");
        Poll.until(WAIT, "one node replaced", () -> podsByNode("roller").values().stream().anyMatch(n -> !before.containsValue(n)));
        Thread.sleep(300);
        long replaced = podsByNode("roller").values().stream().filter(n -> !before.containsValue(n)).count();
        assertEquals(1, replaced, "maxUnavailable 1: the second node waits for the first new pod to be ready");
        podsByNode("roller").values().stream().filter(n -> !before.containsValue(n))
                .forEach(name -> cluster.markRunningReady("default", name));
        Poll.until(WAIT, "both replaced", () -> podsByNode("roller").size() == 2
                && podsByNode("roller").values().stream().noneMatch(before::containsValue));
        String image = client.pods().inNamespace("default").withName(podsByNode("roller").get("r1")).get()
                .getSpec().getContainers().getFirst().getImage();
        assertEquals("agent:2", image);
    }
}
