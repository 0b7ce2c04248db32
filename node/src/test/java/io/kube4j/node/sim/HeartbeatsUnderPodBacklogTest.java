package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.testing.Poll;
import io.kube4j.controllers.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's churn failure in small: one pod writer, hundreds of pods bound at once, so the pod
 * lane has a backlog of hundreds of writes for many renew intervals. Every Lease must still be
 * renewed on time all along (with one shared write queue, renewals waited behind the backlog).
 */
class HeartbeatsUnderPodBacklogTest {
    private static final int NODES = 10;
    private static final int PODS = 800;
    private static final Duration RENEW_INTERVAL = Duration.ofMillis(500);
    /**
     * Ten renew intervals: room for a loaded test machine's slow writes, yet far below the backlog's
     * length (renewals queued behind it were 15 s old) and the 40 s that make a node unreachable.
     */
    private static final Duration MAX_LEASE_AGE = Duration.ofSeconds(5);

    @Test
    void leasesAreRenewedOnTimeWhilePodWritesQueue() throws Exception {
        try (TestApiServer server = TestApiServer.start(); KubernetesClient client = TestClients.connect(server);
             SimulatedNodes sim = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(NODES)
                     .withHeartbeats(RENEW_INTERVAL, Duration.ofMinutes(5))
                     .withConcurrency(1, 2))) {
            AtomicLong oldestLeaseMillis = new AtomicLong();
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watchLeaseAges(client, oldestLeaseMillis));
            long start = System.nanoTime();
            try {
                createBoundPods(client);
                Poll.until(Duration.ofMinutes(3), "all pods running", () -> running(client), n -> n == PODS);
            } finally {
                watcher.interrupt();
                watcher.join();
            }
            long backlogMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d pods on %d nodes, 1 pod writer: all Running after %d ms; oldest Lease seen %d ms%n",
                    PODS, NODES, backlogMillis, oldestLeaseMillis.get());
            assertTrue(backlogMillis > RENEW_INTERVAL.toMillis() * 4,
                    "the pod writes must queue for several renew intervals to test anything; took " + backlogMillis + " ms");
            assertTrue(oldestLeaseMillis.get() < MAX_LEASE_AGE.toMillis(),
                    "a Lease was " + oldestLeaseMillis.get() + " ms old while pod writes queued");
        }
    }

    private static void watchLeaseAges(KubernetesClient client, AtomicLong oldest) {
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = Instant.now();
            for (Lease lease : client.resources(Lease.class).inNamespace("kube-node-lease").list().getItems()) {
                long age = Duration.between(lease.getSpec().getRenewTime().toInstant(), now).toMillis();
                oldest.accumulateAndGet(age, Math::max);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Pods created with their node already set, from 8 threads, as fast as the server takes them. */
    private static void createBoundPods(KubernetesClient client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> creates = new ArrayList<>();
            for (int i = 0; i < PODS; i++) {
                Pod pod = new PodBuilder().withNewMetadata().withName("p-" + i).withNamespace("default").endMetadata()
                        .withNewSpec().withNodeName("sim-" + (i % NODES))
                        .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
                creates.add(pool.submit(() -> client.pods().resource(pod).create()));
            }
            for (Future<?> create : creates) {
                create.get();
            }
        }
    }

    private static long running(KubernetesClient client) {
        return client.pods().inNamespace("default").list().getItems().stream()
                .filter(p -> "Running".equals(p.getStatus().getPhase())).count();
    }
}
