package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.AffinityTerm;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NamespaceLabels;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterExtensions;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pod affinity and anti-affinity by topology domain. Filter: the pod's required affinity needs a
 * matching pod in the node's domain, its required anti-affinity forbids one, and existing pods'
 * required anti-affinity may forbid the pod. Score: preferred terms of both sides (and existing
 * pods' required affinity at weight 1) summed per domain.
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "InterPodAffinity";
    static final String AFFINITY_REASON = "node(s) didn't match pod affinity rules";
    static final String ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";
    static final String EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";
    private static final String FILTER_KEY = "PreFilter" + NAME;
    private static final String SCORE_KEY = "PreScore" + NAME;
    /** The weight existing pods' required affinity terms get in scoring (upstream's hardPodAffinityWeight). */
    private static final int HARD_POD_AFFINITY_WEIGHT = 1;

    private final NamespaceLabels namespaces;

    /** {@code namespaces} resolves the labels terms' namespaceSelectors are matched against. */
    public InterPodAffinity(NamespaceLabels namespaces) {
        this.namespaces = namespaces;
    }

    /** Matching-pod counts per topology domain, for the filter. */
    static final class FilterState implements CycleState.Data {
        final Map<TopologyPair, Integer> existingAntiAffinity = new HashMap<>();
        final Map<TopologyPair, Integer> affinity = new HashMap<>();
        final Map<TopologyPair, Integer> antiAffinity = new HashMap<>();

        @Override
        public FilterState copy() {
            FilterState c = new FilterState();
            c.existingAntiAffinity.putAll(existingAntiAffinity);
            c.affinity.putAll(affinity);
            c.antiAffinity.putAll(antiAffinity);
            return c;
        }
    }

    /** Score per topology key and value. */
    record ScoreState(Map<String, Map<String, Long>> byTopology) implements CycleState.Data {
        @Override
        public ScoreState copy() {
            return this;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.POD_ADD, ClusterEvent.POD_DELETE, ClusterEvent.POD_LABEL, ClusterEvent.NODE_ADD,
                ClusterEvent.NODE_LABEL);
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
        boolean ownTerms = !pod.requiredAffinity().isEmpty() || !pod.requiredAntiAffinity().isEmpty();
        if (!ownTerms && snapshot.nodesWithRequiredAntiAffinity().isEmpty()) {
            return PreFilterResult.of(Status.skip());
        }
        FilterState s = new FilterState();
        for (NodeInfo node : snapshot.nodesWithRequiredAntiAffinity()) {
            for (PodInfo existing : node.podsWithRequiredAntiAffinity()) {
                countExistingAntiAffinity(s, pod, existing, node, 1);
            }
        }
        if (ownTerms) {
            for (NodeInfo node : snapshot.nodes()) {
                for (PodInfo existing : node.pods()) {
                    countOwnTerms(s, pod, existing, node, 1);
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
        countExistingAntiAffinity(s, pod, other, node, delta);
        countOwnTerms(s, pod, other, node, delta);
    }

    private void countExistingAntiAffinity(FilterState s, PodInfo pod, PodInfo existing, NodeInfo node, int delta) {
        for (AffinityTerm term : existing.requiredAntiAffinity()) {
            String value = node.labels().get(term.topologyKey());
            if (value != null && term.matches(pod, namespaces)) {
                s.existingAntiAffinity.merge(new TopologyPair(term.topologyKey(), value), delta, Integer::sum);
            }
        }
    }

    private void countOwnTerms(FilterState s, PodInfo pod, PodInfo existing, NodeInfo node, int delta) {
        if (!pod.requiredAffinity().isEmpty() && matchesAll(pod.requiredAffinity(), existing)) {
            for (AffinityTerm term : pod.requiredAffinity()) {
                String value = node.labels().get(term.topologyKey());
                if (value != null) {
                    s.affinity.merge(new TopologyPair(term.topologyKey(), value), delta, Integer::sum);
                }
            }
        }
        for (AffinityTerm term : pod.requiredAntiAffinity()) {
            String value = node.labels().get(term.topologyKey());
            if (value != null && term.matches(existing, namespaces)) {
                s.antiAffinity.merge(new TopologyPair(term.topologyKey(), value), delta, Integer::sum);
            }
        }
    }

    private boolean matchesAll(List<AffinityTerm> terms, PodInfo pod) {
        for (AffinityTerm t : terms) {
            if (!t.matches(pod, namespaces)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        FilterState s = state.read(FILTER_KEY, FilterState.class);
        if (!satisfiesAffinity(s, pod, node)) {
            return Status.unresolvable(AFFINITY_REASON);
        }
        for (AffinityTerm term : pod.requiredAntiAffinity()) {
            String value = node.labels().get(term.topologyKey());
            if (value != null && s.antiAffinity.getOrDefault(new TopologyPair(term.topologyKey(), value), 0) > 0) {
                return Status.unschedulable(ANTI_AFFINITY_REASON);
            }
        }
        for (Map.Entry<TopologyPair, Integer> e : s.existingAntiAffinity.entrySet()) {
            if (e.getValue() > 0 && e.getKey().value().equals(node.labels().get(e.getKey().key()))) {
                return Status.unschedulable(EXISTING_ANTI_AFFINITY_REASON);
            }
        }
        return Status.SUCCESS;
    }

    /**
     * Every required affinity term has a matching pod in the node's domain; or, when no pod
     * anywhere matches and the pod matches its own terms, the first of a group may go anywhere.
     */
    private boolean satisfiesAffinity(FilterState s, PodInfo pod, NodeInfo node) {
        boolean all = true;
        for (AffinityTerm term : pod.requiredAffinity()) {
            String value = node.labels().get(term.topologyKey());
            if (value == null) {
                return false;
            }
            if (s.affinity.getOrDefault(new TopologyPair(term.topologyKey(), value), 0) <= 0) {
                all = false;
            }
        }
        if (all) {
            return true;
        }
        boolean anyMatching = s.affinity.values().stream().anyMatch(n -> n > 0);
        return !anyMatching && matchesAll(pod.requiredAffinity(), pod);
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, Snapshot snapshot) {
        boolean hasPreferred = !pod.preferredAffinity().isEmpty() || !pod.preferredAntiAffinity().isEmpty();
        if (!hasPreferred && snapshot.nodesWithAffinity().isEmpty()) {
            return Status.skip();
        }
        Map<String, Map<String, Long>> scores = new HashMap<>();
        for (NodeInfo node : hasPreferred ? snapshot.nodes() : snapshot.nodesWithAffinity()) {
            for (PodInfo existing : hasPreferred ? node.pods() : node.podsWithAffinity()) {
                scoreExisting(scores, pod, existing, node);
            }
        }
        if (scores.isEmpty()) {
            return Status.skip();
        }
        state.write(SCORE_KEY, new ScoreState(scores));
        return Status.SUCCESS;
    }

    private void scoreExisting(Map<String, Map<String, Long>> scores, PodInfo pod, PodInfo existing, NodeInfo node) {
        for (AffinityTerm t : pod.preferredAffinity()) {
            add(scores, node, t, existing, t.weight());
        }
        for (AffinityTerm t : pod.preferredAntiAffinity()) {
            add(scores, node, t, existing, -t.weight());
        }
        for (AffinityTerm t : existing.requiredAffinity()) {
            add(scores, node, t, pod, HARD_POD_AFFINITY_WEIGHT);
        }
        for (AffinityTerm t : existing.preferredAffinity()) {
            add(scores, node, t, pod, t.weight());
        }
        for (AffinityTerm t : existing.preferredAntiAffinity()) {
            add(scores, node, t, pod, -t.weight());
        }
    }

    private void add(Map<String, Map<String, Long>> scores, NodeInfo node, AffinityTerm term, PodInfo target, long w) {
        String value = node.labels().get(term.topologyKey());
        if (value != null && w != 0 && term.matches(target, namespaces)) {
            scores.computeIfAbsent(term.topologyKey(), k -> new HashMap<>()).merge(value, w, Long::sum);
        }
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long score = 0;
        for (Map.Entry<String, Map<String, Long>> e : state.read(SCORE_KEY, ScoreState.class).byTopology().entrySet()) {
            String value = node.labels().get(e.getKey());
            if (value != null) {
                score += e.getValue().getOrDefault(value, 0L);
            }
        }
        return score;
    }

    /** Maps scores linearly from [min, max] to [0, 100] (all 0 when equal). */
    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        long diff = max - min;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = diff > 0 ? (long) (MAX_SCORE * ((double) (scores[i] - min) / diff)) : 0;
        }
    }
}
