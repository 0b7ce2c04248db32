package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.scheduler.testing.Poll;
import io.kube4j.scheduler.testing.TestClients;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Scheduling throughput against a real API server: the pods exist before the scheduler starts, so
 * the time measured is the scheduler's own (list, decide, bind, record events), not the clients'
 * creation rate. Prints pods/s; asserts only that every pod gets bound.
 */
class SchedulerApiThroughputTest {
    private static final int NODES = 50;
    private static final int PODS = 1000;

    @Test
    void bindsPendingPodsThroughTheApi() throws Exception {
        try (TestApiServer server = TestApiServer.start(); KubernetesClient client = TestClients.connect(server)) {
            for (int i = 0; i < NODES; i++) {
                Node node = node("node-" + i, "32", "256Gi", 110).build();
                Node created = client.nodes().resource(new NodeBuilder(node).withStatus(null).build()).create();
                created.setStatus(node.getStatus());
                client.nodes().resource(created).updateStatus();
            }
            try (ExecutorService creators = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < PODS; i++) {
                    String name = "pod-" + i;
                    creators.execute(() -> client.pods().inNamespace("default").resource(pod(name, "100m", "128Mi").build())
                            .create());
                }
            }
            long start = System.nanoTime();
            try (Scheduler scheduler = Scheduler.start(client)) {
                Poll.until(Duration.ofSeconds(120), "all " + PODS + " pods bound", () ->
                        client.pods().inNamespace("default").withField("spec.nodeName", "").list().getItems().isEmpty()
                                ? Boolean.TRUE : null);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("scheduler against the API server: %d pods on %d nodes bound in %.2f s = %.0f pods/s%n",
                        PODS, NODES, seconds, PODS / seconds);
            }
        }
    }
}
