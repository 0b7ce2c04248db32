package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Informers;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the simulated nodes and keeps them alive the way kubelets do: each node renews its
 * kube-node-lease Lease every renew interval and re-posts its status every status report interval,
 * or at once when someone else changed its Ready condition (the node lifecycle controller marks an
 * unrenewed node Unknown; a resumed node puts it back). A tick every {@value #TICK_MILLIS} ms
 * starts the heartbeats of one slice of the nodes, so the renewals of thousands of nodes are spread
 * evenly over the interval. Everything runs in the {@link HeartbeatLane}, never behind pod work; a
 * heartbeat that fails is retried after {@link #retryDelay} rather than at the node's next turn.
 */
final class NodeHeartbeats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeats.class);
    private static final long TICK_MILLIS = 100;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final PatchContext STRATEGIC_MERGE = PatchContext.of(PatchType.STRATEGIC_MERGE);

    private final KubernetesClient client;
    private final NodeManifests manifests;
    private final Map<String, SimulatedNode> nodes;
    private final SimulatedNodesConfig config;
    private final HeartbeatLane lane;
    private SharedIndexInformer<Node> nodeInformer;

    NodeHeartbeats(KubernetesClient client, NodeManifests manifests, Map<String, SimulatedNode> nodes,
                   SimulatedNodesConfig config) {
        this.client = client;
        this.manifests = manifests;
        this.nodes = nodes;
        this.config = config;
        this.lane = new HeartbeatLane(config.heartbeatConcurrency());
    }

    /** Starts the heartbeat ticks (a node beats once registered) and the watch that corrects statuses others changed. */
    void start() throws InterruptedException {
        nodeInformer = Informers.retrying(client.nodes().withLabel(NodeManifests.SIMULATED_LABEL, "true").runnableInformer(0));
        nodeInformer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node obj) {
                correctIfNotReady(obj);
            }

            @Override
            public void onUpdate(Node oldObj, Node newObj) {
                correctIfNotReady(newObj);
            }

            @Override
            public void onDelete(Node obj, boolean deletedFinalStateUnknown) {
            }
        });
        InformerStart.startAndSync(nodeInformer, SYNC_TIMEOUT, "simulated nodes");
        lane.every(Duration.ofMillis(TICK_MILLIS), new Ticks(nodes.values(), config.leaseRenewInterval()));
    }

    /** Each tick beats the next slice of the nodes: node i beats at tick i modulo the ticks per renew interval. */
    private final class Ticks implements Runnable {
        private final List<List<SimulatedNode>> bySlice = new ArrayList<>();
        private long tick;

        Ticks(Collection<SimulatedNode> all, Duration renewInterval) {
            int slices = (int) Math.max(1, renewInterval.toMillis() / TICK_MILLIS);
            for (int i = 0; i < slices; i++) {
                bySlice.add(new ArrayList<>());
            }
            for (SimulatedNode node : all) {
                bySlice.get(node.index() % slices).add(node);
            }
        }

        @Override
        public void run() {
            tick++;
            for (SimulatedNode node : bySlice.get((int) (tick % bySlice.size()))) {
                beat(node);
            }
        }
    }

    /**
     * Creates every Node (with its status) and Lease and waits for all of them. At most as many
     * registrations as the lane has threads are queued at once, so the heartbeats of the nodes
     * registered first are never queued behind the registrations of thousands of others.
     */
    void registerAll(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore slots = new Semaphore(config.heartbeatConcurrency());
        List<CompletableFuture<Void>> registrations = new ArrayList<>();
        for (SimulatedNode node : nodes.values()) {
            if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("registering " + nodes.size() + " simulated nodes took longer than " + timeout);
            }
            CompletableFuture<Void> registered = new CompletableFuture<>();
            registrations.add(registered);
            lane.execute(() -> {
                try {
                    register(node);
                    registered.complete(null);
                } catch (Exception e) {
                    registered.completeExceptionally(e);
                } finally {
                    slots.release();
                }
            });
        }
        CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new))
                .get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void register(SimulatedNode node) throws Exception {
        Instant now = Instant.now();
        node.readySince(now);
        Node registered;
        try {
            registered = client.nodes().resource(manifests.node(node, now)).create();
            node.uid(registered.getMetadata().getUid());
            createLease(node, now);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            registered = reRegister(node, now);
            node.uid(registered.getMetadata().getUid());
            renewLease(node, now);
        }
        node.lastStatusReport(now);
        node.registered();
    }

    /** A new node's Lease, created without a read first; if one is left from before, the first renewal takes it over. */
    private void createLease(SimulatedNode node, Instant now) {
        try {
            node.lease(leases().resource(manifests.lease(node, now)).create());
            node.lastRenewal(now);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    /** The node exists (an earlier run registered it): take it over, provided its pod CIDR is the planned one. */
    private Node reRegister(SimulatedNode node, Instant now) throws Exception {
        Node existing = client.nodes().withName(node.name()).get();
        String cidr = existing == null || existing.getSpec() == null ? null : existing.getSpec().getPodCIDR();
        if (cidr != null && !cidr.equals(node.podCidr().toString())) {
            throw new IllegalStateException("node " + node.name() + " already exists with podCIDR " + cidr
                    + " but the simulation plans " + node.podCidr() + " (the node count or cluster CIDR changed);"
                    + " delete the node first");
        }
        postStatus(node, now);
        return existing;
    }

    /** Starts one heartbeat of the node unless it is stopped, not registered yet, or its previous one is not over. */
    void beat(SimulatedNode node) {
        if (node.stopped() || !node.isRegistered() || !node.beginHeartbeat()) {
            return;
        }
        if (!lane.execute(() -> heartbeat(node, 0))) {
            node.endHeartbeat();
        }
    }

    /**
     * Renews the Lease and posts the status if due; after a failure, tries again soon, as often as
     * it takes. A renewal made in the last tenth of the interval (a retry or the registration just
     * wrote the Lease) is not repeated; the node keeps its place in the interval.
     */
    private void heartbeat(SimulatedNode node, int failures) {
        if (node.stopped()) {
            node.endHeartbeat();
            return;
        }
        try {
            Instant now = Instant.now();
            if (!now.isBefore(node.lastRenewal().plus(config.leaseRenewInterval().dividedBy(10)))) {
                renewLease(node, now);
            }
            if (node.statusDue() || !now.isBefore(node.lastStatusReport().plus(config.statusReportInterval()))) {
                postStatus(node, now);
            }
            node.endHeartbeat();
        } catch (Exception e) {
            Duration delay = retryDelay(failures, config.leaseRenewInterval(), ThreadLocalRandom.current().nextDouble());
            LOG.debug("heartbeat of node {} failed, retrying in {} ms: {}", node.name(), delay.toMillis(), e.toString());
            if (!lane.after(delay, () -> heartbeat(node, failures + 1))) {
                node.endHeartbeat();
            }
        }
    }

    /**
     * How long to wait before retrying a heartbeat after {@code failures} earlier failed retries:
     * 100 ms doubling each time, never more than the renew interval (a failing node keeps its normal
     * pace), plus up to a quarter more picked by {@code random} (0 to 1) so retries of nodes that
     * failed together spread out again.
     */
    static Duration retryDelay(int failures, Duration renewInterval, double random) {
        long millis = Math.min(FIRST_RETRY.toMillis() << Math.min(failures, 20), renewInterval.toMillis());
        return Duration.ofMillis(millis + (long) (millis * random / 4));
    }

    /** A resumed node reports Ready again at once (and from now, if it had been marked otherwise). */
    void resume(SimulatedNode node) {
        Node seen = nodeInformer == null ? null : nodeInformer.getStore().getByKey(node.name());
        if (seen != null && !reportsReady(seen)) {
            node.readySince(Instant.now());
        }
        node.statusDue(true);
        node.stopped(false);
        beat(node);
    }

    private void correctIfNotReady(Node seen) {
        SimulatedNode node = nodes.get(seen.getMetadata().getName());
        if (node != null && !node.stopped() && !reportsReady(seen)) {
            node.readySince(Instant.now());
            node.statusDue(true);
            beat(node);
        }
    }

    private static boolean reportsReady(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void postStatus(SimulatedNode node, Instant now) {
        node.statusDue(false);
        String patch = client.getKubernetesSerialization()
                .asJson(new NodeBuilder().withStatus(manifests.status(node, now)).build());
        try {
            client.nodes().withName(node.name()).subresource("status").patch(STRATEGIC_MERGE, patch);
        } catch (RuntimeException e) {
            node.statusDue(true);
            throw e;
        }
        node.lastStatusReport(now);
    }

    /**
     * Renews the node's Lease by updating the last one written (one write, no read). When that
     * fails because someone else updated or deleted the Lease, it carries on at once from the
     * server's copy, as the kubelet does: it reads the Lease and updates it, or creates it.
     */
    private void renewLease(SimulatedNode node, Instant now) {
        Lease last = node.lease();
        if (last != null) {
            try {
                node.lease(update(node, last, now));
                node.lastRenewal(now);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                    throw e;
                }
                node.lease(null);
            }
        }
        Lease current = leases().withName(node.name()).get();
        node.lease(current == null ? leases().resource(manifests.lease(node, now)).create() : update(node, current, now));
        node.lastRenewal(now);
    }

    private Lease update(SimulatedNode node, Lease lease, Instant now) {
        lease.getSpec().setHolderIdentity(node.name());
        lease.getSpec().setLeaseDurationSeconds(config.leaseDurationSeconds());
        lease.getSpec().setRenewTime(now.atZone(ZoneOffset.UTC));
        return leases().resource(lease).update();
    }

    private NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> leases() {
        return client.resources(Lease.class, LeaseList.class).inNamespace(NodeManifests.LEASE_NAMESPACE);
    }

    @Override
    public void close() {
        lane.close();
        if (nodeInformer != null) {
            nodeInformer.close();
        }
    }
}
