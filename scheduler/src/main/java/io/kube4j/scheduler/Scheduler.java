package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.ComponentClients;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.queue.Ticker;
import io.kube4j.scheduler.cache.SchedulerCache;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.NamespaceLabels;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PostFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.plugins.StorageObjects;
import io.kube4j.scheduler.queue.QueuedPodInfo;
import io.kube4j.scheduler.queue.SchedulingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kube-scheduler, as an API client: pending pods come from a pod informer into the
 * {@link SchedulingQueue}; one scheduling thread takes them one by one, runs the plugins over a
 * snapshot of the {@link SchedulerCache}, assumes the pod on the chosen node and moves on while
 * the binding is written asynchronously. Failures produce upstream's {@code FailedScheduling}
 * event and PodScheduled condition, and may preempt lower-priority pods.
 */
public final class Scheduler implements AutoCloseable {
    public static final String NAME = "default-scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int MAX_CONCURRENT_REQUESTS = 64;

    private final ApiWrites writes;
    private final SchedulerCache cache = new SchedulerCache();
    private final Nominator nominator = new Nominator();
    private final PriorityResolver priorities = new PriorityResolver();
    private final StorageObjects storage = new StorageObjects();
    private final NamespaceLabels namespaces = new NamespaceLabels();
    private final Framework framework;
    private final SchedulingQueue queue;
    private final SchedulingAlgorithm algorithm;
    private final ClusterEventHandlers handlers;
    private final Snapshot snapshot = new Snapshot();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile boolean closed;
    private Thread loop;

    /**
     * A scheduler fed through its {@code on*} methods and driven by {@link #scheduleOne}; tests
     * pass fake writes and a fake ticker. {@code pdbs} lists the PodDisruptionBudgets for preemption.
     */
    public Scheduler(ApiWrites writes, Ticker ticker, Supplier<List<PodDisruptionBudget>> pdbs) {
        this.writes = writes;
        this.framework = DefaultProfile.create(nominator, writes, pdbs, storage, namespaces);
        this.queue = new SchedulingQueue(ticker, framework.requeueEvents());
        this.algorithm = new SchedulingAlgorithm(framework, 0);
        this.handlers = new ClusterEventHandlers(cache, queue, nominator, priorities, storage);
    }

    /**
     * Starts a scheduler against the cluster {@code cluster} reaches: informers on PriorityClasses,
     * PodDisruptionBudgets, Namespaces, StorageClasses, PersistentVolumes, PersistentVolumeClaims, Nodes and Pods (caches synced before the first decision), the queue's
     * periodic flushes and the scheduling thread. Closing it stops all of that.
     */
    public static Scheduler start(KubernetesClient cluster) throws Exception {
        // The scheduler's own client: bindings are written asynchronously, many at once, so it gets a
        // connection budget instead of fabric8's default of 5 concurrent requests per host; watches
        // are HTTP streams, which share the HTTP/2 connection instead of opening a WebSocket each.
        KubernetesClient client = ComponentClients.builder(new ConfigBuilder(cluster.getConfiguration())
                .withMaxConcurrentRequests(MAX_CONCURRENT_REQUESTS)
                .withMaxConcurrentRequestsPerHost(MAX_CONCURRENT_REQUESTS)
                .withOnlyHttpWatches(true).build()).build();
        ClientWrites writes = new ClientWrites(client);
        SharedIndexInformer<PodDisruptionBudget> pdbInformer =
                Informers.retrying(client.policy().v1().podDisruptionBudget().inAnyNamespace().runnableInformer(0));
        Scheduler s = new Scheduler(writes, Ticker.SYSTEM, () -> pdbInformer.getStore().list());
        s.resources.add(client);
        s.resources.add(writes);
        try {
            // Priorities first (queued pods are ordered by them); what filters read (namespace labels,
            // volume objects, nodes) before pods.
            s.inform(Informers.retrying(client.scheduling().v1().priorityClasses().runnableInformer(0)), s.priorities::put,
                    (o, n) -> s.priorities.put(n), pc -> s.priorities.remove(pc.getMetadata().getName()));
            s.resources.add(pdbInformer);
            awaitSynced(pdbInformer);
            s.inform(Informers.retrying(client.namespaces().runnableInformer(0)), s.namespaces::put,
                    (o, n) -> s.namespaces.put(n), s.namespaces::remove);
            s.inform(Informers.retrying(client.storage().v1().storageClasses().runnableInformer(0)),
                    s.handlers::onStorageClassAdd, s.handlers::onStorageClassUpdate, s.handlers::onStorageClassDelete);
            s.inform(Informers.retrying(client.persistentVolumes().runnableInformer(0)),
                    s.handlers::onVolumeAdd, s.handlers::onVolumeUpdate, s.handlers::onVolumeDelete);
            s.inform(Informers.retrying(client.persistentVolumeClaims().inAnyNamespace().runnableInformer(0)),
                    s.handlers::onClaimAdd, s.handlers::onClaimUpdate, s.handlers::onClaimDelete);
            s.inform(Informers.retrying(client.nodes().runnableInformer(0)), s.handlers::onNodeAdd, s.handlers::onNodeUpdate,
                    s.handlers::onNodeDelete);
            s.inform(Informers.retrying(client.pods().inAnyNamespace().runnableInformer(0)), s.handlers::onPodAdd, s.handlers::onPodUpdate,
                    s.handlers::onPodDelete);
        } catch (Exception e) {
            s.close();
            throw e;
        }
        s.queue.start();
        s.loop = Thread.ofPlatform().name("scheduler").daemon().start(s::run);
        return s;
    }

    private <T> void inform(SharedIndexInformer<T> informer, Consumer<T> add, BiConsumer<T, T> update,
                            Consumer<T> delete) throws Exception {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                add.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                update.accept(oldObj, newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                delete.accept(obj);
            }
        });
        resources.add(informer);
        awaitSynced(informer);
    }

    /**
     * Starts the informer and waits until its initial list is in the cache (not for the watch to
     * begin streaming, which a server may delay until the first event or bookmark). No deadline:
     * the informer retries until an overloaded server answers.
     */
    private static void awaitSynced(SharedIndexInformer<?> informer) throws Exception {
        CompletableFuture<Void> started = informer.start().toCompletableFuture();
        while (!informer.hasSynced()) {
            if (started.isCompletedExceptionally()) {
                started.get();
            }
            Thread.sleep(10);
        }
    }

    private void run() {
        while (!closed) {
            try {
                scheduleOne(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("scheduling loop: {}", e.toString(), e);
            }
        }
    }

    /**
     * Schedules the next pending pod, waiting up to {@code timeoutMs} for one; false if none came.
     * The binding it starts completes asynchronously.
     */
    public boolean scheduleOne(long timeoutMs) throws InterruptedException {
        QueuedPodInfo queued = queue.pop(timeoutMs);
        if (queued == null) {
            return false;
        }
        long cycle = queue.schedulingCycle();
        PodInfo pod = queued.pod();
        if (cache.isAssumed(pod.key())) {
            queue.done(pod.key());
            return true;
        }
        cache.updateSnapshot(snapshot);
        CycleState state = new CycleState();
        SchedulingAlgorithm.Outcome outcome;
        try {
            outcome = algorithm.schedule(state, pod, snapshot);
        } catch (RuntimeException e) {
            LOG.warn("scheduling {} failed: {}", pod.key(), e.toString());
            queued.setRejectingPlugins(Set.of());
            fail(queued, cycle, "SchedulerError", e.getMessage(), null);
            return true;
        }
        if (outcome.node() == null) {
            handleUnschedulable(queued, cycle, state, outcome);
        } else {
            assumeAndBind(queued, cycle, outcome.node());
        }
        return true;
    }

    private void handleUnschedulable(QueuedPodInfo queued, long cycle, CycleState state, SchedulingAlgorithm.Outcome outcome) {
        PodInfo pod = queued.pod();
        FitError fitError = outcome.fitError();
        if (fitError == null) {
            queued.setRejectingPlugins(Set.of());
            fail(queued, cycle, "Unschedulable", outcome.failureMessage(), "");
            return;
        }
        String nominated = null;
        PostFilterResult post = framework.runPostFilter(state, pod, snapshot, fitError.nodeStatuses());
        if (post.status().isSuccess()) {
            nominated = post.nominatedNodeName();
            preempt(pod, nominated, post.victims());
        } else {
            if (post.status().isRejected() && !post.status().message().isEmpty()) {
                fitError = fitError.withPostFilterMessage(post.status().message());
            }
            if ("".equals(post.nominatedNodeName())) {
                nominated = "";
                nominator.remove(pod.key());
            }
        }
        queued.setRejectingPlugins(fitError.rejectingPlugins());
        fail(queued, cycle, "Unschedulable", fitError.message(), nominated);
    }

    private void preempt(PodInfo preemptor, String node, List<PodInfo> victims) {
        nominator.nominate(preemptor, node);
        for (PodInfo victim : victims) {
            writes.deletePod(victim);
            writes.event(victim, "Normal", "Preempted", "Preempted by " + preemptor.key() + " on node " + node);
        }
    }

    private void fail(QueuedPodInfo queued, long cycle, String reason, String message, String nominatedNode) {
        PodInfo pod = queued.pod();
        writes.event(pod, "Warning", "FailedScheduling", message);
        writes.markUnschedulable(pod, reason, message, nominatedNode);
        queue.requeue(queued, cycle);
    }

    /** Assumes the pod on the node (the next pod sees the room taken) and binds it in the background. */
    private void assumeAndBind(QueuedPodInfo queued, long cycle, String node) {
        PodInfo assumed = queued.pod().assumedOn(node);
        try {
            cache.assume(assumed);
        } catch (IllegalStateException alreadyPlaced) {
            // The informer showed the pod bound (by someone else) while we were deciding.
            queue.done(assumed.key());
            return;
        }
        nominator.remove(assumed.key());
        framework.bind(assumed, node).whenComplete((ok, error) -> {
            if (error == null) {
                writes.event(assumed, "Normal", "Scheduled",
                        "Successfully assigned " + assumed.key() + " to " + node);
                queue.done(assumed.key());
                return;
            }
            LOG.info("binding {} to {} failed: {}", assumed.key(), node, error.toString());
            cache.forget(assumed.key());
            queued.setRejectingPlugins(Set.of());
            writes.event(queued.pod(), "Warning", "FailedScheduling", "Binding rejected: " + rootMessage(error));
            queue.requeue(queued, cycle);
        });
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public SchedulingQueue queue() {
        return queue;
    }

    public SchedulerCache cache() {
        return cache;
    }

    // Cluster notifications (the informers call these; tests may too).

    public void onNodeAdd(Node node) {
        handlers.onNodeAdd(node);
    }

    public void onNodeUpdate(Node old, Node node) {
        handlers.onNodeUpdate(old, node);
    }

    public void onNodeDelete(Node node) {
        handlers.onNodeDelete(node);
    }

    public void onPodAdd(Pod pod) {
        handlers.onPodAdd(pod);
    }

    public void onPodUpdate(Pod old, Pod pod) {
        handlers.onPodUpdate(old, pod);
    }

    public void onPodDelete(Pod pod) {
        handlers.onPodDelete(pod);
    }

    public void onPriorityClass(PriorityClass pc) {
        priorities.put(pc);
    }

    @Override
    public void close() {
        closed = true;
        queue.close();
        if (loop != null) {
            loop.interrupt();
        }
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", r, e.toString());
            }
        }
    }
}
