package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.extension.ExtensibleResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Informers;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the kubelet's part for every pod bound to a simulated node: one informer on bound pods,
 * handlers that only queue the pod's key in the {@link PodLane}, and workers that perform the
 * level-triggered steps ({@link PodPlan}) due for the pod as it is now, so a pod changed many times
 * while queued is written once, and a pod deleted meanwhile not at all. Future steps wait in the
 * lane's delay queue. Pods on stopped nodes are left alone.
 */
final class PodLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodLifecycle.class);
    private static final String NODE_INDEX = "nodeName";
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);
    private static final PatchContext STRATEGIC_MERGE = PatchContext.of(PatchType.STRATEGIC_MERGE);

    private final KubernetesClient client;
    private final Map<String, SimulatedNode> nodes;
    private final PodPlan plan;
    private final PodLane lane;
    private final Map<String, PodRecord> records = new ConcurrentHashMap<>();
    private SharedIndexInformer<Pod> informer;

    /** At most {@code writeConcurrency} pod writes are in flight at once. */
    PodLifecycle(KubernetesClient client, Map<String, SimulatedNode> nodes, PodPlan plan, int writeConcurrency) {
        this.client = client;
        this.nodes = nodes;
        this.plan = plan;
        this.lane = new PodLane(writeConcurrency, this::reconcile);
    }

    /** Starts the informer on pods bound to any node and waits for its first list. */
    void start() throws InterruptedException {
        informer = Informers.retrying(client.pods().inAnyNamespace().withoutField("spec.nodeName", "")
                .withIndexers(Map.of(NODE_INDEX, pod -> pod.getSpec().getNodeName() == null
                        ? List.of() : List.of(pod.getSpec().getNodeName())))
                .runnableInformer(0));
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                enqueue(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                enqueue(newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                forget(pod);
            }
        });
        InformerStart.startAndSync(informer, SYNC_TIMEOUT, "bound pods");
    }

    private void enqueue(Pod pod) {
        if (nodes.containsKey(pod.getSpec().getNodeName())) {
            lane.enqueue(pod.getSpec().getNodeName(), Cache.metaNamespaceKeyFunc(pod));
        }
    }

    /** Picks up every pod of a node again (it was resumed). */
    void reconcileNode(String nodeName) {
        for (Pod pod : informer.getIndexer().byIndex(NODE_INDEX, nodeName)) {
            enqueue(pod);
        }
    }

    /** The pod as the simulated nodes last saw it: bound to a running simulated node and Running. */
    Optional<Pod> runningPod(String namespace, String name) {
        Pod pod = informer.getStore().getByKey(namespace + "/" + name);
        if (pod == null || pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            return Optional.empty();
        }
        SimulatedNode node = nodes.get(pod.getSpec().getNodeName());
        return node == null || node.stopped() ? Optional.empty() : Optional.of(pod);
    }

    List<Pod> podsOn(String nodeName) {
        return informer.getIndexer().byIndex(NODE_INDEX, nodeName);
    }

    private void reconcile(String key) {
        Pod seen = informer.getStore().getByKey(key);
        SimulatedNode node = seen == null ? null : nodes.get(seen.getSpec().getNodeName());
        if (node == null || node.stopped()) {
            return;
        }
        String uid = seen.getMetadata().getUid();
        PodRecord record = records.computeIfAbsent(uid, u -> adopt(seen, node));
        record.lock.lock();
        try {
            Pod pod = informer.getStore().getByKey(key);
            if (pod == null || !uid.equals(pod.getMetadata().getUid())) {
                // deleted meanwhile: the record may have been made after the deletion was handled
                if (records.remove(uid, record)) {
                    releaseIp(record, node);
                }
                return;
            }
            runDueSteps(key, pod, node, record);
        } catch (RuntimeException e) {
            LOG.debug("pod {} on {}: step failed, retrying: {}", key, node.name(), e.toString());
            lane.runAt(Instant.now().plus(RETRY_DELAY), () -> lane.enqueue(node.name(), key));
        } finally {
            record.lock.unlock();
        }
    }

    private PodRecord adopt(Pod pod, SimulatedNode node) {
        PodRecord record = PodPlan.adopt(pod, Instant.now());
        if (record.podIp() != null) {
            node.podIps().reserve(record.podIp());
        }
        return record;
    }

    /** Performs the steps that are due, and sets a timer for the next one. */
    private void runDueSteps(String key, Pod pod, SimulatedNode node, PodRecord record) {
        Instant now = Instant.now();
        if (pod.getMetadata().getDeletionTimestamp() != null && record.deletionSeen() == null) {
            record.deletionSeen(now);
        }
        while (true) {
            PodPlan.Step step = plan.next(pod, record, now);
            if (step.action() == PodPlan.Action.NONE) {
                return;
            }
            if (step.at().isAfter(now)) {
                if (record.needsTimer(step.at())) {
                    lane.runAt(step.at(), () -> {
                        record.timerFired();
                        lane.enqueue(node.name(), key);
                    });
                }
                return;
            }
            pod = perform(step.action(), pod, node, record, now);
            if (pod == null) {
                return;
            }
            now = Instant.now();
        }
    }

    /** One step's writes; returns the pod as written, or null when nothing follows (deleted for good). */
    private Pod perform(PodPlan.Action action, Pod pod, SimulatedNode node, PodRecord record, Instant now) {
        switch (action) {
            case REPORT_CREATING -> {
                Pod written = writeStatus(pod, PodStatuses.creating(pod, node, now));
                record.advance(PodStage.CREATING, now);
                return written;
            }
            case START -> {
                return start(pod, node, record, now);
            }
            case REPORT_READY -> {
                return writeStatus(pod, PodStatuses.running(pod, node, record.podIp() != null
                        ? record.podIp() : pod.getStatus().getPodIP(), record.since()));
            }
            case FINISH -> {
                Pod written = writeStatus(pod, PodStatuses.terminated(pod, node, PodPlan.exitCode(pod), record.since(), now));
                releaseIp(record, node);
                record.advance(PodStage.TERMINATED, now);
                return written;
            }
            case STOP_AND_DELETE -> {
                Pod stopped = writeStatus(pod, PodStatuses.terminated(pod, node, 0, record.since(), now));
                releaseIp(record, node);
                record.advance(PodStage.TERMINATED, now);
                delete(stopped);
                return null;
            }
            case DELETE -> {
                delete(pod);
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Pod start(Pod pod, SimulatedNode node, PodRecord record, Instant now) {
        boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
        String ip = hostNetwork ? node.internalIp() : node.podIps().allocate();
        if (ip == null) {
            throw new IllegalStateException("no free IP in pod CIDR " + node.podCidr() + " of node " + node.name());
        }
        Pod written;
        try {
            written = writeStatus(pod, PodStatuses.running(pod, node, ip, now));
        } catch (RuntimeException e) {
            if (!hostNetwork) {
                node.podIps().release(ip);
            }
            throw e;
        }
        record.podIp(hostNetwork ? null : ip);
        record.advance(PodStage.RUNNING, now);
        return written;
    }

    private Pod writeStatus(Pod pod, PodStatus status) {
        String patch = PodStatuses.patch(client.getKubernetesSerialization(), status);
        return client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).subresource("status").patch(STRATEGIC_MERGE, patch);
    }

    /**
     * Deletes the pod at once, as the kubelet does once its containers stopped. The resourceVersion
     * precondition keeps a newer pod of the same name (a StatefulSet's) from being deleted instead.
     */
    @SuppressWarnings("unchecked")
    private void delete(Pod pod) {
        try {
            ((ExtensibleResource<Pod>) client.pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()))
                    .withGracePeriod(0).lockResourceVersion(pod.getMetadata().getResourceVersion()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static void releaseIp(PodRecord record, SimulatedNode node) {
        if (record.podIp() != null) {
            node.podIps().release(record.podIp());
            record.podIp(null);
        }
    }

    private void forget(Pod pod) {
        SimulatedNode node = nodes.get(pod.getSpec().getNodeName());
        if (node != null) {
            lane.forget(node.name(), Cache.metaNamespaceKeyFunc(pod));
        }
        PodRecord record = records.remove(pod.getMetadata().getUid());
        if (record != null && node != null) {
            record.lock.lock();
            try {
                releaseIp(record, node);
            } finally {
                record.lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        lane.close();
        if (informer != null) {
            informer.close();
        }
    }
}
