package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterExtensions;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topology spread constraints. DoNotSchedule constraints filter: placing the pod in the node's
 * domain must keep (matching pods there + 1) - (fewest in any domain) within maxSkew.
 * ScheduleAnyway constraints — or, for a pod with none, the cluster defaults — score: fewer
 * matching pods in the node's domains is better, each constraint weighted by log(domains + 2).
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "PodTopologySpread";
    static final String SKEW_REASON = "node(s) didn't match pod topology spread constraints";
    static final String MISSING_LABEL_REASON = "node(s) didn't match pod topology spread constraints (missing required label)";
    private static final String FILTER_KEY = "PreFilter" + NAME;
    private static final String SCORE_KEY = "PreScore" + NAME;

    /** Per hard constraint: matching pods per domain value. */
    static final class FilterState implements CycleState.Data {
        final List<SpreadConstraint> constraints;
        final List<Map<String, Integer>> counts = new ArrayList<>();

        FilterState(List<SpreadConstraint> constraints) {
            this.constraints = constraints;
            constraints.forEach(c -> counts.add(new HashMap<>()));
        }

        int minMatch(int i) {
            SpreadConstraint c = constraints.get(i);
            Map<String, Integer> domains = counts.get(i);
            if (domains.size() < c.minDomains()) {
                return 0;
            }
            int min = Integer.MAX_VALUE;
            for (int n : domains.values()) {
                min = Math.min(min, n);
            }
            return min == Integer.MAX_VALUE ? 0 : min;
        }

        @Override
        public FilterState copy() {
            FilterState c = new FilterState(constraints);
            for (int i = 0; i < counts.size(); i++) {
                c.counts.get(i).putAll(counts.get(i));
            }
            return c;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.POD_ADD, ClusterEvent.POD_DELETE, ClusterEvent.POD_LABEL, ClusterEvent.NODE_ADD,
                ClusterEvent.NODE_DELETE, ClusterEvent.NODE_LABEL, ClusterEvent.NODE_TAINT);
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
        List<SpreadConstraint> constraints = SpreadConstraint.declared(pod, true);
        if (constraints.isEmpty()) {
            return PreFilterResult.of(Status.skip());
        }
        FilterState s = new FilterState(constraints);
        for (NodeInfo node : snapshot.nodes()) {
            if (!SpreadConstraint.hasAllKeys(constraints, node)) {
                continue;
            }
            boolean matchesNodeAffinity = NodeAffinity.matches(pod, node);
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                if (c.includes(pod, node, matchesNodeAffinity)) {
                    s.counts.get(i).merge(node.labels().get(c.topologyKey()), c.countOn(node), Integer::sum);
                }
            }
        }
        state.write(FILTER_KEY, s);
        return PreFilterResult.success();
    }

    @Override
    public PreFilterExtensions extensions() {
        return PreFilterExtensions.counting(this::update);
    }

    private void update(CycleState state, PodInfo pod, PodInfo other, NodeInfo node, int delta) {
        FilterState s = state.read(FILTER_KEY, FilterState.class);
        if (!SpreadConstraint.hasAllKeys(s.constraints, node)) {
            return;
        }
        boolean matchesNodeAffinity = NodeAffinity.matches(pod, node);
        for (int i = 0; i < s.constraints.size(); i++) {
            SpreadConstraint c = s.constraints.get(i);
            if (c.includes(pod, node, matchesNodeAffinity) && c.counts(other)) {
                s.counts.get(i).merge(node.labels().get(c.topologyKey()), delta, Integer::sum);
            }
        }
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER_KEY, FilterState.class);
        for (int i = 0; i < s.constraints.size(); i++) {
            SpreadConstraint c = s.constraints.get(i);
            String value = node.labels().get(c.topologyKey());
            if (value == null) {
                return Status.unresolvable(MISSING_LABEL_REASON);
            }
            int self = c.counts(pod) ? 1 : 0;
            int skew = s.counts.get(i).getOrDefault(value, 0) + self - s.minMatch(i);
            if (skew > c.maxSkew()) {
                return Status.unschedulable(SKEW_REASON);
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, Snapshot snapshot) {
        boolean declaresAny = pod.spec().getTopologySpreadConstraints() != null
                && !pod.spec().getTopologySpreadConstraints().isEmpty();
        List<SpreadConstraint> constraints = declaresAny ? SpreadConstraint.declared(pod, false)
                : SpreadConstraint.systemDefaults(pod);
        if (constraints.isEmpty()) {
            return Status.skip();
        }
        state.write(SCORE_KEY, SpreadScoreState.count(pod, constraints, declaresAny, feasibleNodes, snapshot));
        return Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        SpreadScoreState s = state.read(SCORE_KEY, SpreadScoreState.class);
        return s.ignores(node) ? 0 : s.score(node);
    }

    /** Fewer matching pods is better: score = 100 * (max + min - score) / max over the nodes not ignored. */
    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        SpreadScoreState s = state.read(SCORE_KEY, SpreadScoreState.class);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!s.ignores(nodes.get(i))) {
                min = Math.min(min, scores[i]);
                max = Math.max(max, scores[i]);
            }
        }
        for (int i = 0; i < scores.length; i++) {
            if (s.ignores(nodes.get(i))) {
                scores[i] = 0;
            } else if (max == 0) {
                scores[i] = MAX_SCORE;
            } else {
                scores[i] = MAX_SCORE * (max + min - scores[i]) / max;
            }
        }
    }
}
