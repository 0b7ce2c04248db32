package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.testing.Poll;
import io.kube4j.controllers.testing.TestClients;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three simulated nodes against a real API server, driven like a scheduler and a user would. */
class SimulatedNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestApiServer server;
    private static KubernetesClient client;
    private static SimulatedNodes sim;

    @BeforeAll
    static void start() throws Exception {
        server = TestApiServer.start();
        client = TestClients.connect(server);
        sim = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(3)
                .withHeartbeats(Duration.ofMillis(500), Duration.ofMinutes(5))
                .withPodTimings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void nodesRegisterReadyWithTheirLeases() throws Exception {
        assertEquals(3, client.nodes().withLabel(SimulatedNodes.SIMULATED_LABEL, "true").list().getItems().size());
        Node node = client.nodes().withName("sim-1").get();
        assertEquals("True", condition(node, "Ready").getStatus());
        assertEquals("KubeletReady", condition(node, "Ready").getReason());
        assertEquals("kubelet is posting ready status", condition(node, "Ready").getMessage());
        assertEquals("False", condition(node, "MemoryPressure").getStatus());
        assertEquals("10.244.1.0/24", node.getSpec().getPodCIDR());
        assertEquals("32", node.getStatus().getAllocatable().get("cpu").toString());
        assertEquals("256Gi", node.getStatus().getCapacity().get("memory").toString());
        assertEquals("110", node.getStatus().getCapacity().get("pods").toString());
        assertEquals("sim-1", node.getMetadata().getLabels().get("kubernetes.io/hostname"));
        assertEquals("v1.32.4-kube4j-sim", node.getStatus().getNodeInfo().getKubeletVersion());
        assertEquals("172.16.0.2", node.getStatus().getAddresses().get(0).getAddress());

        Lease lease = lease("sim-1");
        assertEquals("sim-1", lease.getSpec().getHolderIdentity());
        assertEquals(40, lease.getSpec().getLeaseDurationSeconds());
        assertEquals(node.getMetadata().getUid(), lease.getMetadata().getOwnerReferences().get(0).getUid());
        ZonedDateTime first = lease.getSpec().getRenewTime();
        Poll.until(WAIT, "sim-1 lease renewal", () -> lease("sim-1").getSpec().getRenewTime(), t -> t.isAfter(first));
    }

    @Test
    void aBoundPodRunsWithAnAddressFromItsNodesPodCidr() throws Exception {
        create(pod("web", "Always"), "sim-1");
        Pod running = Poll.until(WAIT, "web running", () -> get("web"), p -> "Running".equals(p.getStatus().getPhase()));
        assertTrue(running.getStatus().getPodIP().startsWith("10.244.1."), running.getStatus().getPodIP());
        assertEquals("172.16.0.2", running.getStatus().getHostIP());
        assertNotNull(running.getStatus().getStartTime());
        assertEquals("True", condition(running, "Ready").getStatus());
        assertEquals("True", condition(running, "PodScheduled").getStatus());
        assertTrue(running.getStatus().getContainerStatuses().get(0).getReady());
        assertTrue(running.getStatus().getContainerStatuses().get(0).getContainerID().startsWith("kube4j-sim://"));
    }

    @Test
    void podsOnOtherNodesAreLeftAlone() throws Exception {
        create(pod("elsewhere", "Always"), "real-node");
        Thread.sleep(1000);
        assertEquals("Pending", get("elsewhere").getStatus().getPhase());
        assertTrue(get("elsewhere").getStatus().getContainerStatuses().isEmpty());
    }

    @Test
    void runToCompletionPodsSucceedOrFailWithTheirExitCode() throws Exception {
        create(pod("job-ok", "Never"), "sim-0");
        create(new PodBuilder(pod("job-bad", "OnFailure")).editMetadata()
                .addToAnnotations(SimulatedPods.EXIT_CODE, "3").endMetadata().build(), "sim-2");
        Pod ok = Poll.until(WAIT, "job-ok done", () -> get("job-ok"), p -> "Succeeded".equals(p.getStatus().getPhase()));
        assertEquals("Completed", ok.getStatus().getContainerStatuses().get(0).getState().getTerminated().getReason());
        Pod bad = Poll.until(WAIT, "job-bad failed", () -> get("job-bad"), p -> "Failed".equals(p.getStatus().getPhase()));
        assertEquals(3, bad.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode());
    }

    @Test
    void aGracefullyDeletedPodIsGoneQuickly() throws Exception {
        create(pod("doomed", "Always"), "sim-0");
        Poll.until(WAIT, "doomed running", () -> get("doomed"), p -> "Running".equals(p.getStatus().getPhase()));
        long start = System.nanoTime();
        client.pods().inNamespace("default").withName("doomed").withGracePeriod(30).delete();
        Poll.until(WAIT, "doomed gone", () -> client.pods().inNamespace("default").withName("doomed").get(), p -> p == null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "took " + millis + " ms");
    }

    @Test
    void aStoppedNodeStopsRenewingAndLeavesItsPodsAlone() throws Exception {
        sim.stop("sim-2");
        Thread.sleep(700);
        ZonedDateTime stoppedAt = lease("sim-2").getSpec().getRenewTime();
        create(pod("stranded", "Always"), "sim-2");
        Thread.sleep(1500);
        assertEquals(stoppedAt, lease("sim-2").getSpec().getRenewTime());
        assertTrue(get("stranded").getStatus().getContainerStatuses().isEmpty());
        assertFalse(sim.podUsage("default", "stranded").isPresent());

        sim.resume("sim-2");
        Poll.until(WAIT, "sim-2 renewing", () -> lease("sim-2").getSpec().getRenewTime(), t -> t.isAfter(stoppedAt));
        Pod running = Poll.until(WAIT, "stranded running after resume", () -> get("stranded"),
                p -> "Running".equals(p.getStatus().getPhase()));
        assertTrue(running.getStatus().getPodIP().startsWith("10.244.2."));
    }

    @Test
    void aNodeMarkedNotReadyByOthersReportsReadyAgain() throws Exception {
        Node node = client.nodes().withName("sim-0").get();
        condition(node, "Ready").setStatus("Unknown");
        condition(node, "Ready").setReason("NodeStatusUnknown");
        client.nodes().resource(node).updateStatus();
        Poll.until(WAIT, "sim-0 Ready again", () -> condition(client.nodes().withName("sim-0").get(), "Ready").getStatus(),
                "True"::equals);
    }

    @Test
    void usageFollowsTheAnnotation() throws Exception {
        create(new PodBuilder(pod("busy", "Always")).editMetadata()
                .addToAnnotations(SimulatedPods.CPU_USAGE, "250m").endMetadata().build(), "sim-0");
        Poll.until(WAIT, "busy usage", () -> sim.podUsage("default", "busy"), u -> u.isPresent());
        assertEquals(250, sim.podUsage("default", "busy").orElseThrow().cpuMillis());
        client.pods().inNamespace("default").withName("busy")
                .edit(p -> new PodBuilder(p).editMetadata().addToAnnotations(SimulatedPods.CPU_USAGE, "1").endMetadata().build());
        Poll.until(WAIT, "busy usage 1 cpu", () -> sim.podUsage("default", "busy").orElseThrow().cpuMillis(), c -> c == 1000);
        assertTrue(sim.nodeUsage("sim-0").orElseThrow().cpuMillis() >= 1000);
    }

    private static Pod pod(String name, String restartPolicy) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withRestartPolicy(restartPolicy)
                .addNewContainer().withName("main").withImage("nginx").endContainer().endSpec().build();
    }

    /** Creates the pod and binds it to the node with a Binding, as a scheduler would. */
    private static void create(Pod pod, String nodeName) {
        client.pods().inNamespace("default").resource(pod).create();
        String name = pod.getMetadata().getName();
        client.bindings().inNamespace("default").resource(new BindingBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewTarget().withKind("Node").withApiVersion("v1").withName(nodeName).endTarget().build()).create();
        assertEquals(nodeName, get(name).getSpec().getNodeName(), "bound");
    }

    private static Pod get(String name) {
        return client.pods().inNamespace("default").withName(name).get();
    }

    private static Lease lease(String node) {
        return client.resources(Lease.class).inNamespace("kube-node-lease").withName(node).get();
    }

    private static io.fabric8.kubernetes.api.model.NodeCondition condition(Node node, String type) {
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static PodCondition condition(Pod pod, String type) {
        return pod.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }
}
