package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.kube4j.scheduler.cache.SchedulerCache;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.plugins.StorageObjects;
import io.kube4j.scheduler.queue.SchedulingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns informer notifications into cache updates, queue changes and the fine-grained cluster
 * events that requeue unschedulable pods. Bound pods feed the cache until they finish (a finished
 * pod's node has released its requests); pending pods this scheduler is responsible for feed the queue. A node heartbeat that changes nothing the scheduler reads is
 * ignored altogether.
 */
final class ClusterEventHandlers {
    private final SchedulerCache cache;
    private final SchedulingQueue queue;
    private final Nominator nominator;
    private final PriorityResolver priorities;
    private final StorageObjects storage;

    ClusterEventHandlers(SchedulerCache cache, SchedulingQueue queue, Nominator nominator, PriorityResolver priorities,
                         StorageObjects storage) {
        this.cache = cache;
        this.queue = queue;
        this.nominator = nominator;
        this.priorities = priorities;
        this.storage = storage;
    }

    PodInfo podInfo(Pod pod) {
        return PodInfo.of(pod, priorities.priorityOf(pod), priorities.preemptsOthers(pod));
    }

    /** Whether this scheduler should place the pod: pending, ours, not being deleted, not gated, not finished. */
    static boolean isPending(Pod pod) {
        String scheduler = pod.getSpec().getSchedulerName();
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !isBound(pod)
                && (scheduler == null || scheduler.isEmpty() || scheduler.equals(Scheduler.NAME))
                && pod.getMetadata().getDeletionTimestamp() == null
                && (pod.getSpec().getSchedulingGates() == null || pod.getSpec().getSchedulingGates().isEmpty())
                && !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    static boolean isBound(Pod pod) {
        return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    /** A pod that finished (Succeeded/Failed): its node has released what it requested. */
    static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    void onPodAdd(Pod pod) {
        PodInfo info = podInfo(pod);
        if (isBound(pod) && isTerminal(pod)) {
            return;
        }
        if (isBound(pod)) {
            nominator.remove(info.key());
            queue.delete(info.key());
            cache.addOrUpdatePod(info);
            queue.onEvent(ClusterEvent.POD_ADD);
        } else if (isPending(pod)) {
            nominator.nominate(info, info.nominatedNodeName());
            queue.add(info);
        }
    }

    void onPodUpdate(Pod old, Pod pod) {
        PodInfo info = podInfo(pod);
        if (isBound(pod) && isTerminal(pod)) {
            if (!isTerminal(old)) {
                onPodDelete(old);
            }
            return;
        }
        if (isBound(pod)) {
            cache.addOrUpdatePod(info);
            if (!isBound(old)) {
                nominator.remove(info.key());
                queue.delete(info.key());
                queue.onEvent(ClusterEvent.POD_ADD);
                return;
            }
            if (!Objects.equals(old.getMetadata().getLabels(), pod.getMetadata().getLabels())) {
                queue.onEvent(ClusterEvent.POD_LABEL);
            }
            if (!Objects.equals(old.getSpec().getContainers(), pod.getSpec().getContainers())
                    && scaledDown(podInfo(old).requests(), info.requests())) {
                queue.onEvent(ClusterEvent.POD_SCALE_DOWN);
            }
        } else if (isPending(pod)) {
            nominator.nominate(info, info.nominatedNodeName());
            queue.update(info);
        } else {
            nominator.remove(info.key());
            queue.delete(info.key());
        }
    }

    void onPodDelete(Pod pod) {
        String key = PodInfo.keyOf(pod);
        nominator.remove(key);
        if (isBound(pod)) {
            cache.removePod(key);
            queue.onEvent(ClusterEvent.POD_DELETE);
        } else {
            queue.delete(key);
            if (cache.isAssumed(key)) {
                cache.forget(key);
                queue.onEvent(ClusterEvent.POD_DELETE);
            }
        }
    }

    void onNodeAdd(Node node) {
        cache.addNode(node);
        queue.onEvent(ClusterEvent.NODE_ADD);
    }

    void onNodeUpdate(Node old, Node node) {
        List<ClusterEvent> events = classify(old, node);
        if (events.isEmpty()) {
            return;
        }
        cache.updateNode(node);
        events.forEach(queue::onEvent);
    }

    void onNodeDelete(Node node) {
        cache.removeNode(node.getMetadata().getName());
        queue.onEvent(ClusterEvent.NODE_DELETE);
    }

    // Volume objects: a new or changed one may let a pod waiting on its volumes in; a deleted one cannot.

    void onClaimAdd(PersistentVolumeClaim claim) {
        storage.putClaim(claim);
        queue.onEvent(ClusterEvent.PVC_ADD);
    }

    void onClaimUpdate(PersistentVolumeClaim old, PersistentVolumeClaim claim) {
        storage.putClaim(claim);
        queue.onEvent(ClusterEvent.PVC_UPDATE);
    }

    void onClaimDelete(PersistentVolumeClaim claim) {
        storage.removeClaim(claim);
    }

    void onVolumeAdd(PersistentVolume volume) {
        storage.putVolume(volume);
        queue.onEvent(ClusterEvent.PV_ADD);
    }

    void onVolumeUpdate(PersistentVolume old, PersistentVolume volume) {
        storage.putVolume(volume);
        queue.onEvent(ClusterEvent.PV_UPDATE);
    }

    void onVolumeDelete(PersistentVolume volume) {
        storage.removeVolume(volume);
    }

    void onStorageClassAdd(StorageClass storageClass) {
        storage.putClass(storageClass);
        queue.onEvent(ClusterEvent.STORAGE_CLASS_ADD);
    }

    void onStorageClassUpdate(StorageClass old, StorageClass storageClass) {
        storage.putClass(storageClass);
        queue.onEvent(ClusterEvent.STORAGE_CLASS_UPDATE);
    }

    void onStorageClassDelete(StorageClass storageClass) {
        storage.removeClass(storageClass);
    }

    /** What changed about a node, in the scheduler's terms (empty for a heartbeat). */
    static List<ClusterEvent> classify(Node old, Node now) {
        List<ClusterEvent> events = new ArrayList<>(2);
        if (!Objects.equals(old.getMetadata().getLabels(), now.getMetadata().getLabels())) {
            events.add(ClusterEvent.NODE_LABEL);
        }
        if (!Objects.equals(old.getSpec().getTaints(), now.getSpec().getTaints())
                || !Objects.equals(old.getSpec().getUnschedulable(), now.getSpec().getUnschedulable())) {
            events.add(ClusterEvent.NODE_TAINT);
        }
        if (!Objects.equals(allocatable(old), allocatable(now))) {
            events.add(ClusterEvent.NODE_ALLOCATABLE);
        }
        if (!conditionStates(old).equals(conditionStates(now))) {
            events.add(ClusterEvent.NODE_CONDITION);
        }
        return events;
    }

    private static Object allocatable(Node n) {
        return n.getStatus() == null ? null : n.getStatus().getAllocatable();
    }

    /** Each condition's type, status and reason: what is left once heartbeat times are ignored. */
    private static List<String> conditionStates(Node n) {
        List<String> states = new ArrayList<>();
        if (n.getStatus() != null && n.getStatus().getConditions() != null) {
            for (NodeCondition c : n.getStatus().getConditions()) {
                states.add(c.getType() + "=" + c.getStatus() + "/" + c.getReason());
            }
        }
        return states;
    }

    private static boolean scaledDown(Resource before, Resource after) {
        return after.milliCpu() < before.milliCpu() || after.memory() < before.memory()
                || after.ephemeralStorage() < before.ephemeralStorage();
    }
}
