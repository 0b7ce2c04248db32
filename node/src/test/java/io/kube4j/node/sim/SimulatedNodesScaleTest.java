package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.testing.Poll;
import io.kube4j.controllers.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 200 nodes: how long registration takes, what the simulation holds in memory per node, that a
 * second run takes the registered nodes over, and how fast bound pods get Running (numbers printed).
 */
class SimulatedNodesScaleTest {
    private static final int NODES = 200;
    private static final int PODS = 1000;

    @Test
    void twoHundredNodesRegisterInSecondsAndRunAThousandPods() throws Exception {
        try (TestApiServer server = TestApiServer.start(); KubernetesClient client = TestClients.connect(server)) {
            long start = System.nanoTime();
            SimulatedNodes first = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(NODES));
            long registerMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(NODES, client.nodes().withLabel(SimulatedNodes.SIMULATED_LABEL, "true").list().getItems().size());
            assertEquals(NODES, client.resources(Lease.class).inNamespace("kube-node-lease").list().getItems().size());
            long heapWithNodes = usedHeapAfterGc();
            first.close();
            long nodeBytes = (heapWithNodes - usedHeapAfterGc()) / NODES;
            System.out.printf("simulated nodes: %d registered in %d ms; the simulation holds ~%d bytes per node%n",
                    NODES, registerMillis, nodeBytes);
            assertTrue(registerMillis < 30_000, "registration took " + registerMillis + " ms");

            start = System.nanoTime();
            try (SimulatedNodes sim = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(NODES))) {
                System.out.printf("restart: %d registered nodes taken over in %d ms%n", NODES,
                        (System.nanoTime() - start) / 1_000_000);
                long podsStart = System.nanoTime();
                createBoundPods(client);
                long createdMillis = (System.nanoTime() - podsStart) / 1_000_000;
                Poll.until(Duration.ofSeconds(120), PODS + " pods running", () -> running(client), n -> n == PODS);
                long runningMillis = (System.nanoTime() - podsStart) / 1_000_000;
                System.out.printf("%d pods created and bound (by 16 client threads) in %d ms, all Running after %d ms%n",
                        PODS, createdMillis, runningMillis);
                assertEquals(PODS, client.pods().inNamespace("default").list().getItems().stream()
                        .map(p -> p.getStatus().getPodIP()).distinct().count(), "distinct pod IPs");
            }
        }
    }

    private static void createBoundPods(KubernetesClient client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < PODS; i++) {
                String name = "p-" + i;
                String node = "sim-" + (i % NODES);
                writes.add(pool.submit(() -> {
                    client.pods().inNamespace("default").resource(new PodBuilder()
                            .withNewMetadata().withName(name).endMetadata()
                            .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                            .build()).create();
                    client.bindings().inNamespace("default").resource(new BindingBuilder().withNewMetadata().withName(name)
                            .endMetadata().withNewTarget().withKind("Node").withName(node).endTarget().build()).create();
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
    }

    private static long running(KubernetesClient client) {
        return client.pods().inNamespace("default").list().getItems().stream().map(Pod::getStatus)
                .filter(s -> "Running".equals(s.getPhase())).count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
