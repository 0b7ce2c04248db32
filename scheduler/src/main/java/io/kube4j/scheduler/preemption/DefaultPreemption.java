package io.kube4j.scheduler.preemption;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PostFilterPlugin;
import io.kube4j.scheduler.framework.PostFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Preemption as upstream's DefaultPreemption: on each node where the pod was merely
 * Unschedulable, remove every lower-priority pod, check the pod then fits, and put back as many
 * as still allow it (PDB-protected ones first, most important first); among those candidate
 * nodes pick the one with the fewest PDB violations, then the lowest-priority, fewest victims.
 * The scheduler then nominates the pod to that node and deletes the victims.
 */
public final class DefaultPreemption implements PostFilterPlugin {
    public static final String NAME = "DefaultPreemption";
    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    private static final int MIN_CANDIDATE_NODES_PERCENTAGE = 10;
    private static final int MIN_CANDIDATE_NODES_ABSOLUTE = 100;

    /** A node where preemption would make room, and at what cost. */
    record Candidate(String node, List<PodInfo> victims, int pdbViolations) {
    }

    private final Supplier<List<PodDisruptionBudget>> pdbs;

    public DefaultPreemption(Supplier<List<PodDisruptionBudget>> pdbs) {
        this.pdbs = pdbs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostFilterResult postFilter(CycleState state, PodInfo pod, Snapshot snapshot, Map<String, Status> nodeStatuses,
                                       Framework framework) {
        String ineligible = ineligibility(pod, snapshot);
        if (ineligible != null) {
            return PostFilterResult.failed(Status.unschedulable("preemption: " + ineligible));
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        List<NodeInfo> potential = new ArrayList<>();
        for (NodeInfo node : snapshot.nodes()) {
            Status s = nodeStatuses.get(node.name());
            if (s != null && s.code() == Code.UNSCHEDULABLE) {
                potential.add(node);
            } else {
                statuses.put(node.name(), Status.unresolvable(NOT_HELPFUL));
            }
        }
        List<Candidate> candidates = dryRun(state, pod, potential, statuses, framework);
        if (candidates.isEmpty()) {
            FitError error = new FitError(statuses.size(), statuses, null, null);
            return new PostFilterResult(Status.unschedulable("preemption: " + error.message()), "", List.of());
        }
        Candidate best = pickOne(candidates);
        return PostFilterResult.nominated(best.node(), best.victims());
    }

    /** Why the pod may not preempt, or null if it may. */
    private static String ineligibility(PodInfo pod, Snapshot snapshot) {
        if (!pod.preemptsOthers()) {
            return "not eligible due to preemptionPolicy=Never.";
        }
        String nominated = pod.nominatedNodeName();
        NodeInfo node = nominated == null ? null : snapshot.get(nominated);
        if (node != null) {
            for (PodInfo p : node.pods()) {
                if (p.isTerminating() && p.priority() < pod.priority()) {
                    return "not eligible due to a terminating pod on the nominated node.";
                }
            }
        }
        return null;
    }

    private List<Candidate> dryRun(CycleState state, PodInfo pod, List<NodeInfo> potential, Map<String, Status> statuses,
                                   Framework framework) {
        List<Candidate> candidates = new ArrayList<>();
        if (potential.isEmpty()) {
            return candidates;
        }
        int wanted = Math.min(potential.size(),
                Math.max(MIN_CANDIDATE_NODES_ABSOLUTE, potential.size() * MIN_CANDIDATE_NODES_PERCENTAGE / 100));
        int offset = ThreadLocalRandom.current().nextInt(potential.size());
        DisruptionBudgets budgets = new DisruptionBudgets(pdbs.get());
        boolean anyWithoutViolation = false;
        for (int i = 0; i < potential.size(); i++) {
            NodeInfo node = potential.get((offset + i) % potential.size());
            VictimSelection selection = selectVictims(state.copy(), pod, node.copy(), budgets, framework);
            if (selection.status().isSuccess()) {
                candidates.add(new Candidate(node.name(), selection.victims(), selection.pdbViolations()));
                anyWithoutViolation |= selection.pdbViolations() == 0;
                if (anyWithoutViolation && candidates.size() >= wanted) {
                    break;
                }
            } else {
                statuses.put(node.name(), selection.status());
            }
        }
        return candidates;
    }

    private record VictimSelection(Status status, List<PodInfo> victims, int pdbViolations) {
    }

    /**
     * Finds the fewest pods to evict from {@code node} (a private copy) so the pod fits: all
     * lower-priority pods out, then each put back if the pod still fits, most important first.
     */
    private static VictimSelection selectVictims(CycleState state, PodInfo pod, NodeInfo node, DisruptionBudgets budgets,
                                                 Framework framework) {
        List<PodInfo> lower = new ArrayList<>();
        for (PodInfo p : node.pods()) {
            if (p.priority() < pod.priority()) {
                lower.add(p);
            }
        }
        if (lower.isEmpty()) {
            return new VictimSelection(Status.unresolvable(NO_VICTIMS), List.of(), 0);
        }
        lower.sort(MORE_IMPORTANT_FIRST);
        for (PodInfo p : lower) {
            node.removePod(p.key());
            framework.runRemovePod(state, pod, p, node);
        }
        Status fits = framework.runFiltersWithNominatedPods(state, pod, node);
        if (!fits.isSuccess()) {
            return new VictimSelection(fits, List.of(), 0);
        }
        List<List<PodInfo>> split = budgets.split(lower);
        List<PodInfo> victims = new ArrayList<>();
        int violations = 0;
        for (PodInfo p : split.get(0)) {
            if (!reprieve(state, pod, p, node, framework)) {
                victims.add(p);
                violations++;
            }
        }
        for (PodInfo p : split.get(1)) {
            if (!reprieve(state, pod, p, node, framework)) {
                victims.add(p);
            }
        }
        victims.sort(MORE_IMPORTANT_FIRST);
        return new VictimSelection(Status.SUCCESS, victims, violations);
    }

    /** Puts {@code victim} back on the node; keeps it there (true) if the pod still fits. */
    private static boolean reprieve(CycleState state, PodInfo pod, PodInfo victim, NodeInfo node, Framework framework) {
        node.addPod(victim);
        framework.runAddPod(state, pod, victim, node);
        if (framework.runFiltersWithNominatedPods(state, pod, node).isSuccess()) {
            return true;
        }
        node.removePod(victim.key());
        framework.runRemovePod(state, pod, victim, node);
        return false;
    }

    /** Higher priority first; among equals, the one that started earlier. */
    static final Comparator<PodInfo> MORE_IMPORTANT_FIRST = Comparator.comparingInt(PodInfo::priority).reversed()
            .thenComparing(p -> p.startTime() == null ? "" : p.startTime());

    /**
     * Fewest PDB violations, then the lowest highest-priority victim, then the smallest sum of
     * victim priorities, then the fewest victims, then the node whose most important victims
     * started latest; the first such candidate otherwise.
     */
    static Candidate pickOne(List<Candidate> candidates) {
        Comparator<Candidate> order = Comparator.<Candidate>comparingInt(Candidate::pdbViolations)
                .thenComparingInt(c -> c.victims().isEmpty() ? Integer.MIN_VALUE : c.victims().getFirst().priority())
                .thenComparingLong(c -> c.victims().stream().mapToLong(v -> (long) v.priority() + Integer.MAX_VALUE + 1).sum())
                .thenComparingInt(c -> c.victims().size())
                .thenComparing(DefaultPreemption::earliestStartOfTopVictims, Comparator.reverseOrder());
        Candidate best = candidates.getFirst();
        for (Candidate c : candidates) {
            if (order.compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }

    private static String earliestStartOfTopVictims(Candidate c) {
        if (c.victims().isEmpty()) {
            return "";
        }
        int top = c.victims().getFirst().priority();
        String earliest = null;
        for (PodInfo v : c.victims()) {
            String start = v.startTime() == null ? "" : v.startTime();
            if (v.priority() == top && (earliest == null || start.compareTo(earliest) < 0)) {
                earliest = start;
            }
        }
        return earliest;
    }
}
