package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static io.kube4j.scheduler.testing.TestObjects.taint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.scheduler.testing.Poll;
import io.kube4j.scheduler.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler against a real API server: three nodes written as a kubelet would (n1 labelled
 * disk=ssd, n3 tainted dedicated=gpu:NoSchedule and labelled accelerator=gpu), pods created by a client.
 */
class SchedulerEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestApiServer server;
    private static KubernetesClient client;
    private static Scheduler scheduler;

    @BeforeAll
    static void startCluster() throws Exception {
        server = TestApiServer.start();
        client = TestClients.connect(server);
        register(node("n1", "2", "4Gi", 500).editMetadata().addToLabels("disk", "ssd").endMetadata().build());
        register(node("n2", "2", "4Gi", 500).build());
        register(node("n3", "2", "4Gi", 500).editMetadata().addToLabels("accelerator", "gpu").endMetadata()
                .editSpec().withTaints(taint("dedicated", "gpu", "NoSchedule")).endSpec().build());
        scheduler = Scheduler.start(client);
    }

    /** Creates the Node, then writes its status through the status subresource, as a kubelet registers. */
    private static void register(Node node) {
        Node created = client.nodes().resource(new NodeBuilder(node).withStatus(null).build()).create();
        created.setStatus(node.getStatus());
        client.nodes().resource(created).updateStatus();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        scheduler.close();
        client.close();
        server.close();
    }

    private static Pod create(Pod pod) {
        return client.pods().inNamespace("default").resource(pod).create();
    }

    private static String awaitNode(String pod) throws InterruptedException {
        try {
            return Poll.until(WAIT, pod + " to be bound", () -> {
                Pod p = client.pods().inNamespace("default").withName(pod).get();
                return p == null ? null : p.getSpec().getNodeName();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its events: " + client.v1().events().inNamespace("default").list()
                    .getItems().stream().filter(ev -> pod.equals(ev.getInvolvedObject().getName()))
                    .map(ev -> ev.getReason() + ": " + ev.getMessage()).toList());
        }
    }

    private static Event awaitEvent(String pod, String reason) throws InterruptedException {
        return Poll.until(WAIT, reason + " event for " + pod, () -> client.v1().events().inNamespace("default").list().getItems()
                .stream().filter(e -> pod.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .findFirst().orElse(null));
    }

    @Test
    void podsGetBoundAndAScheduledEventIsRecorded() throws Exception {
        create(pod("web-1", "100m", "64Mi").build());
        create(pod("web-2", "100m", "64Mi").build());
        String node = awaitNode("web-1");
        assertTrue(List.of("n1", "n2").contains(node), "not on the tainted node: " + node);
        assertTrue(List.of("n1", "n2").contains(awaitNode("web-2")));
        assertEquals("Successfully assigned default/web-1 to " + node, awaitEvent("web-1", "Scheduled").getMessage());
    }

    @Test
    void aPodTooBigForEveryNodeStaysPendingAndSaysWhy() throws Exception {
        Pod huge = pod("huge", "3", null).editSpec().withTolerations(new TolerationBuilder().withOperator("Exists").build())
                .endSpec().build();
        create(huge);
        Event failed = awaitEvent("huge", "FailedScheduling");
        assertEquals("Warning", failed.getType());
        assertTrue(failed.getMessage().startsWith("0/3 nodes are available: 3 Insufficient cpu."), failed.getMessage());
        PodCondition scheduled = Poll.until(WAIT, "PodScheduled=False on huge", () -> {
            Pod p = client.pods().inNamespace("default").withName("huge").get();
            return p.getStatus().getConditions() == null ? null : p.getStatus().getConditions().stream()
                    .filter(c -> c.getType().equals("PodScheduled")).findFirst().orElse(null);
        });
        assertEquals("False", scheduled.getStatus());
        assertEquals("Unschedulable", scheduled.getReason());
        assertEquals(failed.getMessage(), scheduled.getMessage());
        assertEquals(null, client.pods().inNamespace("default").withName("huge").get().getSpec().getNodeName());
        assertEquals("Pending", client.pods().inNamespace("default").withName("huge").get().getStatus().getPhase());
    }

    @Test
    void taintsAndNodeSelectorsSteerPods() throws Exception {
        create(pod("on-ssd", "100m", null).editSpec().withNodeSelector(Map.of("disk", "ssd")).endSpec().build());
        assertEquals("n1", awaitNode("on-ssd"));
        create(pod("gpu-intolerant", "100m", null).editSpec().withNodeSelector(Map.of("accelerator", "gpu")).endSpec().build());
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, "
                + "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: "
                + "3 Preemption is not helpful for scheduling.", awaitEvent("gpu-intolerant", "FailedScheduling").getMessage());
        create(pod("gpu-tolerant", "100m", null).editSpec().withNodeSelector(Map.of("accelerator", "gpu"))
                .withTolerations(new TolerationBuilder().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").build())
                .endSpec().build());
        assertEquals("n3", awaitNode("gpu-tolerant"));
    }

    @Test
    void aHighPriorityPodPreemptsALowPriorityOne() throws Exception {
        client.scheduling().v1().priorityClasses().resource(new PriorityClassBuilder().withNewMetadata().withName("urgent")
                .endMetadata().withValue(100000).build()).create();
        Map<String, String> onN2 = Map.of("kubernetes.io/hostname", "n2");
        create(pod("batch", "1500m", null).editSpec().withNodeSelector(onN2).endSpec().build());
        assertEquals("n2", awaitNode("batch"));
        create(pod("critical", "1", null).editSpec().withNodeSelector(onN2).withPriorityClassName("urgent").endSpec().build());
        // The victim is deleted gracefully; play its kubelet and finish the deletion.
        Poll.until(WAIT, "batch to be terminating", () -> {
            Pod p = client.pods().inNamespace("default").withName("batch").get();
            return p == null || p.getMetadata().getDeletionTimestamp() != null ? Boolean.TRUE : null;
        });
        assertEquals("n2", Poll.until(WAIT, "critical's nominated node", () ->
                client.pods().inNamespace("default").withName("critical").get().getStatus().getNominatedNodeName()));
        client.pods().inNamespace("default").withName("batch").withGracePeriod(0).delete();
        assertEquals("n2", awaitNode("critical"));
        assertEquals("Preempted by default/critical on node n2", awaitEvent("batch", "Preempted").getMessage());
    }
}
