package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.Resource;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import java.util.Set;

/**
 * Favors nodes whose cpu and memory would be used in equal proportions with the pod on them:
 * score = (1 - |cpuFraction - memoryFraction| / 2) * 100, fractions capped at 1. Skipped for pods
 * that request neither.
 */
public final class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of();
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, Snapshot snapshot) {
        Resource r = pod.requests();
        return r.milliCpu() == 0 && r.memory() == 0 ? Status.skip() : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        Resource requested = node.requested().plus(pod.requests());
        Resource alloc = node.allocatable();
        if (alloc.milliCpu() == 0 || alloc.memory() == 0) {
            return MAX_SCORE;
        }
        double cpu = Math.min(1.0, (double) requested.milliCpu() / alloc.milliCpu());
        double memory = Math.min(1.0, (double) requested.memory() / alloc.memory());
        double std = Math.abs(cpu - memory) / 2;
        return (long) ((1 - std) * MAX_SCORE);
    }
}
