package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.testing.Poll;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A renewal that fails is tried again within a fraction of the renew interval, not at the node's
 * next turn: the server rejecting it for a moment, or someone else having written the Lease.
 */
class LeaseRenewalTest {
    private static final Duration RENEW_INTERVAL = Duration.ofSeconds(3);
    private static final String LEASE_PATH = "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/sim-0";
    private static final AtomicBoolean rejectRenewals = new AtomicBoolean();
    private static final AtomicInteger rejected = new AtomicInteger();
    private static TestApiServer server;
    private static KubernetesClient client;
    private static SimulatedNodes sim;

    @BeforeAll
    static void start() throws Exception {
        server = TestApiServer.start();
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(server.kubeconfig())))
                .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("reject-renewals", new RejectRenewals()))
                .build();
        sim = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(1)
                .withHeartbeats(RENEW_INTERVAL, Duration.ofMinutes(5)));
    }

    /** While asked to, sends sim-0's renewals to a URL whose name does not match the Lease: the server rejects them (400). */
    private static final class RejectRenewals implements Interceptor {
        @Override
        public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (rejectRenewals.get() && "PUT".equals(request.method()) && request.uri().getPath().equals(LEASE_PATH)) {
                rejected.incrementAndGet();
                builder.uri(URI.create(request.uri().toString() + "-rejected"));
            }
        }
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
    void retryDelaysDoubleFromATenthOfASecondUpToTheRenewInterval() {
        Duration interval = Duration.ofSeconds(10);
        assertEquals(Duration.ofMillis(100), NodeHeartbeats.retryDelay(0, interval, 0));
        assertEquals(Duration.ofMillis(200), NodeHeartbeats.retryDelay(1, interval, 0));
        assertEquals(Duration.ofMillis(6400), NodeHeartbeats.retryDelay(6, interval, 0));
        assertEquals(interval, NodeHeartbeats.retryDelay(7, interval, 0));
        assertEquals(interval, NodeHeartbeats.retryDelay(Integer.MAX_VALUE, interval, 0));
        assertEquals(Duration.ofMillis(125), NodeHeartbeats.retryDelay(0, interval, 1), "a quarter of jitter at most");
    }

    @Test
    void aRejectedRenewalIsRetriedWithinAFractionOfTheInterval() throws Exception {
        ZonedDateTime before = renewTime();
        rejected.set(0);
        rejectRenewals.set(true);
        try {
            Poll.until(RENEW_INTERVAL.multipliedBy(3), "sim-0's renewal rejected and retried", rejected::get, n -> n >= 2);
        } finally {
            rejectRenewals.set(false);
        }
        Instant accepted = Instant.now();
        ZonedDateTime renewed = Poll.until(RENEW_INTERVAL, "sim-0 renewed", LeaseRenewalTest::renewTime,
                t -> t.isAfter(before));
        long millis = Duration.between(accepted, Instant.now()).toMillis();
        assertTrue(millis < RENEW_INTERVAL.toMillis() / 2, "renewed " + millis + " ms after the server accepted renewals");
        assertTrue(renewed.toInstant().isAfter(accepted.minusMillis(100)), "the renewal is the retry's: " + renewed);
    }

    @Test
    void aLeaseSomeoneElseWroteIsRenewedFromTheServersCopyAtTheNextTurn() throws Exception {
        ZonedDateTime first = renewTime();
        ZonedDateTime renewed = Poll.until(RENEW_INTERVAL.multipliedBy(2), "a renewal", LeaseRenewalTest::renewTime,
                t -> t.isAfter(first));
        Lease lease = lease();
        lease.getSpec().setHolderIdentity("someone-else");
        client.resources(Lease.class).inNamespace("kube-node-lease").resource(lease).update();
        long start = System.nanoTime();
        Poll.until(RENEW_INTERVAL.multipliedBy(3), "sim-0 holding its Lease again", LeaseRenewalTest::lease,
                l -> "sim-0".equals(l.getSpec().getHolderIdentity()) && l.getSpec().getRenewTime().isAfter(renewed));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < RENEW_INTERVAL.toMillis() + 1000,
                "the conflicting renewal re-read the Lease and renewed it at once; took " + millis + " ms");
    }

    private static Lease lease() {
        return client.resources(Lease.class).inNamespace("kube-node-lease").withName("sim-0").get();
    }

    private static ZonedDateTime renewTime() {
        return lease().getSpec().getRenewTime();
    }
}
