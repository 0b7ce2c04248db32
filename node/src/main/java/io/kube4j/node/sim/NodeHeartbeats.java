package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the simulated nodes and keeps them alive the way kubelets do: each node renews its
 * kube-node-lease Lease every renew interval and re-posts its status every status report interval,
 * or at once when someone else changed its Ready condition (the node lifecycle controller marks an
 * unrenewed node Unknown; a resumed node puts it back). One loop thread walks the nodes in
 * {@value #TICK_MILLIS} ms slices so the renewals of thousands of nodes are spread evenly over the
 * interval; the writes themselves run on the executor's virtual threads.
 */
final class NodeHeartbeats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeats.class);
    private static final long TICK_MILLIS = 100;
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final PatchContext STRATEGIC_MERGE = PatchContext.of(PatchType.STRATEGIC_MERGE);

    private final KubernetesClient client;
    private final NodeManifests manifests;
    private final Map<String, SimulatedNode> nodes;
    private final SimulatedNodesConfig config;
    private final SimulationExecutor executor;
    private SharedIndexInformer<Node> nodeInformer;
    private volatile Thread loop;

    NodeHeartbeats(KubernetesClient client, NodeManifests manifests, Map<String, SimulatedNode> nodes,
                   SimulatedNodesConfig config, SimulationExecutor executor) {
        this.client = client;
        this.manifests = manifests;
        this.nodes = nodes;
        this.config = config;
        this.executor = executor;
    }

    /** Creates every Node (with its status) and Lease, in parallel, and waits for all of them. */
    void registerAll(Duration timeout) throws Exception {
        List<CompletableFuture<Void>> registrations = new ArrayList<>();
        for (SimulatedNode node : nodes.values()) {
            registrations.add(executor.supplyAsync(() -> {
                register(node);
                return null;
            }));
        }
        CompletableFuture.allOf(registrations.toArray(CompletableFuture[]::new))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void register(SimulatedNode node) throws Exception {
        Instant now = Instant.now();
        node.readySince(now);
        Node registered;
        try {
            registered = executor.write(() -> client.nodes().resource(manifests.node(node, now)).create());
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
    }

    /** A new node's Lease, created without a read first; if one is left from before, the next renewal takes it over. */
    private void createLease(SimulatedNode node, Instant now) throws Exception {
        try {
            node.lease(executor.write(() -> client.resources(Lease.class).inNamespace(NodeManifests.LEASE_NAMESPACE)
                    .resource(manifests.lease(node, now)).create()));
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

    /** Starts the heartbeat loop and the watch that corrects statuses others changed. */
    void start() throws InterruptedException {
        nodeInformer = client.nodes().withLabel(NodeManifests.SIMULATED_LABEL, "true").runnableInformer(0);
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
        loop = Thread.ofVirtual().name("kube4j-sim-heartbeats").start(this::beatForever);
    }

    private void beatForever() {
        int slices = (int) Math.max(1, config.leaseRenewInterval().toMillis() / TICK_MILLIS);
        List<List<SimulatedNode>> bySlice = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            bySlice.add(new ArrayList<>());
        }
        for (SimulatedNode node : nodes.values()) {
            bySlice.get(node.index() % slices).add(node);
        }
        long start = System.nanoTime();
        for (long tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
            long wait = start + TimeUnit.MILLISECONDS.toNanos(tick * TICK_MILLIS) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            for (SimulatedNode node : bySlice.get((int) (tick % slices))) {
                beat(node);
            }
        }
    }

    /** Starts one heartbeat of the node unless it is stopped or its previous one is still being written. */
    void beat(SimulatedNode node) {
        if (node.stopped() || !node.beginHeartbeat()) {
            return;
        }
        executor.submit(() -> {
            try {
                Instant now = Instant.now();
                if (node.statusDue() || !now.isBefore(node.lastStatusReport().plus(config.statusReportInterval()))) {
                    postStatus(node, now);
                }
                renewLease(node, now);
            } catch (Exception e) {
                LOG.debug("heartbeat of node {} failed: {}", node.name(), e.toString());
            } finally {
                node.endHeartbeat();
            }
        });
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

    private void postStatus(SimulatedNode node, Instant now) throws Exception {
        node.statusDue(false);
        String patch = client.getKubernetesSerialization()
                .asJson(new NodeBuilder().withStatus(manifests.status(node, now)).build());
        try {
            executor.write(() -> client.nodes().withName(node.name()).subresource("status").patch(STRATEGIC_MERGE, patch));
        } catch (Exception e) {
            node.statusDue(true);
            throw e;
        }
        node.lastStatusReport(now);
    }

    /**
     * Renews the node's Lease by updating the last one written (one write, no read). Like the
     * kubelet, it first reads the Lease, creating it if there is none; after a conflict or a
     * deletion it starts over that way at the next renewal.
     */
    private void renewLease(SimulatedNode node, Instant now) throws Exception {
        Lease last = node.lease();
        var leases = client.resources(Lease.class).inNamespace(NodeManifests.LEASE_NAMESPACE);
        try {
            if (last == null) {
                last = leases.withName(node.name()).get();
            }
            if (last == null) {
                createLease(node, now);
                return;
            }
            last.getSpec().setHolderIdentity(node.name());
            last.getSpec().setLeaseDurationSeconds(config.leaseDurationSeconds());
            last.getSpec().setRenewTime(now.atZone(ZoneOffset.UTC));
            Lease renewed = last;
            node.lease(executor.write(() -> leases.resource(renewed).update()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                node.lease(null);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.interrupt();
        }
        if (nodeInformer != null) {
            nodeInformer.close();
        }
    }
}
