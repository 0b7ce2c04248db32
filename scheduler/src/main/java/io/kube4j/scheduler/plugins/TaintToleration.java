package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Taints and tolerations: a NoSchedule/NoExecute taint the pod does not tolerate rules the node
 * out; each untolerated PreferNoSchedule taint lowers the node's score.
 */
public final class TaintToleration implements FilterPlugin, ScorePlugin {
    public static final String NAME = "TaintToleration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_TAINT);
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        Taint taint = Tolerations.firstUntolerated(node.taints(), pod.spec().getTolerations());
        if (taint == null) {
            return Status.SUCCESS;
        }
        return Status.unresolvable("node(s) had untolerated taint {" + taint.getKey() + ": "
                + (taint.getValue() == null ? "" : taint.getValue()) + "}");
    }

    /** The number of PreferNoSchedule taints on the node the pod does not tolerate (fewer is better). */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        if (node.taints().isEmpty()) {
            return 0;
        }
        List<Toleration> preferNoSchedule = new ArrayList<>();
        if (pod.spec().getTolerations() != null) {
            for (Toleration t : pod.spec().getTolerations()) {
                if (t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals("PreferNoSchedule")) {
                    preferNoSchedule.add(t);
                }
            }
        }
        long count = 0;
        for (Taint taint : node.taints()) {
            if ("PreferNoSchedule".equals(taint.getEffect()) && !Tolerations.anyTolerates(preferNoSchedule, taint)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.normalizeToMax(scores, true);
    }
}
