package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Selectors;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * spec.nodeSelector and required node affinity as a filter (a DaemonSet-style {@code metadata.name}
 * affinity narrows the nodes to check up front); preferred node affinity as a score (the sum of
 * the matching terms' weights).
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = "NodeAffinity";
    static final String REASON = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_LABEL);
    }

    /** Whether the node satisfies the pod's nodeSelector and required node affinity (also used by other plugins). */
    public static boolean matches(PodInfo pod, NodeInfo node) {
        Map<String, String> selector = pod.spec().getNodeSelector();
        if (selector != null) {
            for (Map.Entry<String, String> e : selector.entrySet()) {
                if (!e.getValue().equals(node.labels().get(e.getKey()))) {
                    return false;
                }
            }
        }
        List<NodeSelectorTerm> terms = requiredTerms(pod);
        return terms == null || Selectors.matchesAny(terms, node);
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
        List<NodeSelectorTerm> terms = requiredTerms(pod);
        boolean hasSelector = pod.spec().getNodeSelector() != null && !pod.spec().getNodeSelector().isEmpty();
        if (terms == null && !hasSelector) {
            return PreFilterResult.of(Status.skip());
        }
        return new PreFilterResult(Status.SUCCESS, terms == null ? null : namedNodes(terms));
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        return matches(pod, node) ? Status.SUCCESS : Status.unresolvable(REASON);
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, Snapshot snapshot) {
        return preferredTerms(pod).isEmpty() ? Status.skip() : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        long sum = 0;
        for (PreferredSchedulingTerm t : preferredTerms(pod)) {
            if (t.getWeight() != null && t.getWeight() != 0 && Selectors.matches(t.getPreference(), node)) {
                sum += t.getWeight();
            }
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        ScorePlugin.normalizeToMax(scores, false);
    }

    /**
     * The node names every term pins with {@code metadata.name In [...]} (their union), or null
     * when some term does not pin names and so any node may match.
     */
    private static Set<String> namedNodes(List<NodeSelectorTerm> terms) {
        Set<String> names = new HashSet<>();
        for (NodeSelectorTerm term : terms) {
            Set<String> termNames = null;
            for (NodeSelectorRequirement r : term.getMatchFields() == null ? List.<NodeSelectorRequirement>of()
                    : term.getMatchFields()) {
                if (r.getKey().equals("metadata.name") && r.getOperator().equals("In") && r.getValues() != null) {
                    termNames = new HashSet<>(r.getValues());
                }
            }
            if (termNames == null) {
                return null;
            }
            names.addAll(termNames);
        }
        return names;
    }

    private static List<NodeSelectorTerm> requiredTerms(PodInfo pod) {
        io.fabric8.kubernetes.api.model.NodeAffinity affinity = nodeAffinity(pod);
        if (affinity == null || affinity.getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        List<NodeSelectorTerm> terms = affinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        return terms == null ? List.of() : terms;
    }

    private static List<PreferredSchedulingTerm> preferredTerms(PodInfo pod) {
        io.fabric8.kubernetes.api.model.NodeAffinity affinity = nodeAffinity(pod);
        if (affinity == null || affinity.getPreferredDuringSchedulingIgnoredDuringExecution() == null) {
            return List.of();
        }
        return affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
    }

    private static io.fabric8.kubernetes.api.model.NodeAffinity nodeAffinity(PodInfo pod) {
        return pod.spec().getAffinity() == null ? null : pod.spec().getAffinity().getNodeAffinity();
    }
}
