package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pod's requests (containers, init containers' peak, overhead) must fit in what the node's
 * allocatable leaves after the pods already there, and the node must take one more pod. Scores
 * with LeastAllocated: the more cpu and memory (weights 1) left free, the better.
 */
public final class NodeResourcesFit implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeResourcesFit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_ALLOCATABLE, ClusterEvent.POD_DELETE,
                ClusterEvent.POD_SCALE_DOWN);
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Resource want = pod.requests();
        Resource alloc = node.allocatable();
        Resource used = node.requested();
        boolean tooManyPods = node.pods().size() + 1 > node.allowedPods();
        boolean cpu = want.milliCpu() > 0 && want.milliCpu() > alloc.milliCpu() - used.milliCpu();
        boolean memory = want.memory() > 0 && want.memory() > alloc.memory() - used.memory();
        boolean storage = want.ephemeralStorage() > 0
                && want.ephemeralStorage() > alloc.ephemeralStorage() - used.ephemeralStorage();
        if (!tooManyPods && !cpu && !memory && !storage) {
            return Status.SUCCESS;
        }
        List<String> reasons = new ArrayList<>(4);
        if (tooManyPods) {
            reasons.add("Too many pods");
        }
        if (cpu) {
            reasons.add("Insufficient cpu");
        }
        if (memory) {
            reasons.add("Insufficient memory");
        }
        if (storage) {
            reasons.add("Insufficient ephemeral-storage");
        }
        return Status.unschedulable(reasons.toArray(String[]::new));
    }

    /** LeastAllocated over cpu and memory, counting containers without requests at upstream's defaults. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        Resource requested = node.nonZeroRequested().plus(pod.nonZeroRequests());
        long cpu = leastAllocated(requested.milliCpu(), node.allocatable().milliCpu());
        long memory = leastAllocated(requested.memory(), node.allocatable().memory());
        return (cpu + memory) / 2;
    }

    static long leastAllocated(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_SCORE / capacity;
    }
}
