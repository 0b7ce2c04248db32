package io.kube4j.scheduler;

import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FitError;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One scheduling decision over a snapshot, as upstream's schedulePod: pre-filter, filter nodes
 * from a rotating start index until enough feasible ones are found (the adaptive
 * percentageOfNodesToScore), score those, and pick the best (ties at random). Per pod the work is
 * proportional to the nodes examined, never to the cluster's pods. Used by the scheduling thread only.
 */
final class SchedulingAlgorithm {
    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
    static final int BASE_PERCENTAGE_OF_NODES_TO_SCORE = 50;

    static final String NO_NODES_AVAILABLE = "no nodes available to schedule pods";

    /** A decision: the chosen node, or why none fits (no FitError either: the cluster has no nodes). */
    record Outcome(String node, FitError fitError) {
        String failureMessage() {
            return fitError == null ? NO_NODES_AVAILABLE : fitError.message();
        }
    }

    private final Framework framework;
    /** 0 means adaptive, as upstream's default. */
    private final int percentageOfNodesToScore;
    private int nextStartNodeIndex;

    SchedulingAlgorithm(Framework framework, int percentageOfNodesToScore) {
        this.framework = framework;
        this.percentageOfNodesToScore = percentageOfNodesToScore;
    }

    /**
     * How many feasible nodes to find before scoring: all of a small cluster (under 100 nodes);
     * otherwise a percentage (50 - nodes/125, at least 5%, unless configured) but at least 100.
     */
    static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage <= 0) {
            percentage = Math.max(BASE_PERCENTAGE_OF_NODES_TO_SCORE - numAllNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
        }
        int numNodes = numAllNodes * percentage / 100;
        return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
    }

    Outcome schedule(CycleState state, PodInfo pod, Snapshot snapshot) {
        int all = snapshot.size();
        if (all == 0) {
            return new Outcome(null, null);
        }
        Map<String, Status> statuses = new HashMap<>();
        PreFilterResult pre = framework.runPreFilter(state, pod, snapshot);
        if (!pre.status().isSuccess()) {
            for (NodeInfo n : snapshot.nodes()) {
                statuses.put(n.name(), pre.status());
            }
            return new Outcome(null, new FitError(all, statuses, pre.status().message(), null));
        }
        List<NodeInfo> feasible = nominatedNodeIfFeasible(state, pod, snapshot);
        if (feasible.isEmpty()) {
            feasible = findFeasible(state, pod, candidates(pre, snapshot, statuses), statuses);
        }
        if (feasible.isEmpty()) {
            return new Outcome(null, new FitError(all, statuses, null, null));
        }
        if (feasible.size() == 1) {
            return new Outcome(feasible.getFirst().name(), null);
        }
        long[] scores = framework.runScores(state, pod, feasible, snapshot);
        return new Outcome(selectHost(feasible, scores), null);
    }

    /** A pod that preempted others tries its nominated node first (it was made room for). */
    private List<NodeInfo> nominatedNodeIfFeasible(CycleState state, PodInfo pod, Snapshot snapshot) {
        String nominated = pod.nominatedNodeName();
        NodeInfo node = nominated == null ? null : snapshot.get(nominated);
        if (node != null && node.node() != null && framework.runFiltersWithNominatedPods(state, pod, node).isSuccess()) {
            return List.of(node);
        }
        return List.of();
    }

    /** The nodes to filter: all, or those the pre-filters narrowed to (the others marked as not satisfying them). */
    private static List<NodeInfo> candidates(PreFilterResult pre, Snapshot snapshot, Map<String, Status> statuses) {
        if (pre.allNodes()) {
            return snapshot.nodes();
        }
        List<NodeInfo> nodes = new ArrayList<>();
        for (String name : pre.nodeNames()) {
            NodeInfo n = snapshot.get(name);
            if (n != null && n.node() != null) {
                nodes.add(n);
            }
        }
        Status excluded = Status.unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]");
        for (NodeInfo n : snapshot.nodes()) {
            if (!pre.nodeNames().contains(n.name())) {
                statuses.put(n.name(), excluded);
            }
        }
        return nodes;
    }

    private List<NodeInfo> findFeasible(CycleState state, PodInfo pod, List<NodeInfo> nodes, Map<String, Status> statuses) {
        int total = nodes.size();
        if (total == 0) {
            return List.of();
        }
        int wanted = numFeasibleNodesToFind(percentageOfNodesToScore, total);
        List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, total));
        int start = nextStartNodeIndex % total;
        int processed = 0;
        for (int i = 0; i < total && feasible.size() < wanted; i++) {
            NodeInfo node = nodes.get((start + i) % total);
            processed++;
            Status s = framework.runFiltersWithNominatedPods(state, pod, node);
            if (s.isSuccess()) {
                feasible.add(node);
            } else {
                statuses.put(node.name(), s);
            }
        }
        nextStartNodeIndex = (start + processed) % total;
        return feasible;
    }

    /** The highest-scoring node; among equal scores each is equally likely (reservoir sampling). */
    private static String selectHost(List<NodeInfo> nodes, long[] scores) {
        int best = 0;
        int ties = 1;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
                ties = 1;
            } else if (scores[i] == scores[best]) {
                ties++;
                if (ThreadLocalRandom.current().nextInt(ties) == 0) {
                    best = i;
                }
            }
        }
        return nodes.get(best).name();
    }
}
