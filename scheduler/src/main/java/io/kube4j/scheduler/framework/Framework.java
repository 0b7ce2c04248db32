package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a profile's plugins at each extension point, in the order they were added (which fixes the
 * filter that names a node's rejection), and keeps the score weights and each plugin's requeue
 * events. The scheduling thread is its only caller, except {@link #bind}.
 */
public final class Framework {
    private record WeightedScore(ScorePlugin plugin, int weight) {
    }

    private final List<PreFilterPlugin> preFilters = new ArrayList<>();
    private final List<FilterPlugin> filters = new ArrayList<>();
    private final List<PostFilterPlugin> postFilters = new ArrayList<>();
    private final List<PreScorePlugin> preScores = new ArrayList<>();
    private final List<WeightedScore> scores = new ArrayList<>();
    private final List<PreBindPlugin> preBinds = new ArrayList<>();
    private final Map<String, Set<ClusterEvent>> requeueEvents = new LinkedHashMap<>();
    private final Nominator nominator;
    private BindPlugin binder;

    public Framework(Nominator nominator) {
        this.nominator = nominator;
    }

    /** Adds a plugin at every extension point it implements; {@code scoreWeight} counts if it scores. */
    public Framework add(Plugin plugin, int scoreWeight) {
        if (plugin instanceof PreFilterPlugin p) {
            preFilters.add(p);
        }
        if (plugin instanceof FilterPlugin p) {
            filters.add(p);
        }
        if (plugin instanceof PostFilterPlugin p) {
            postFilters.add(p);
        }
        if (plugin instanceof PreScorePlugin p) {
            preScores.add(p);
        }
        if (plugin instanceof ScorePlugin p) {
            scores.add(new WeightedScore(p, scoreWeight));
        }
        if (plugin instanceof PreBindPlugin p) {
            preBinds.add(p);
        }
        if (plugin instanceof BindPlugin p) {
            binder = p;
        }
        requeueEvents.put(plugin.name(), plugin.requeueEvents());
        return this;
    }

    public Framework add(Plugin plugin) {
        return add(plugin, 1);
    }

    /** Each plugin's requeue events, by plugin name. */
    public Map<String, Set<ClusterEvent>> requeueEvents() {
        return requeueEvents;
    }

    /** Runs every PreFilter; stops at the first that rejects; intersects the node sets they return. */
    public PreFilterResult runPreFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
        Set<String> nodes = null;
        for (PreFilterPlugin p : preFilters) {
            PreFilterResult r = p.preFilter(state, pod, snapshot);
            if (r.status().isSkip()) {
                state.skipFilter(p.name());
                continue;
            }
            if (!r.status().isSuccess()) {
                return PreFilterResult.of(r.status().withPlugin(p.name()));
            }
            nodes = PreFilterResult.merge(nodes, r.nodeNames());
            if (nodes != null && nodes.isEmpty()) {
                return PreFilterResult.of(Status.unresolvable("node(s) didn't satisfy plugin(s) [" + p.name() + "]")
                        .withPlugin(p.name()));
            }
        }
        return new PreFilterResult(Status.SUCCESS, nodes);
    }

    /** Runs the filters on one node; the first rejection (naming its plugin) wins. */
    public Status runFilters(CycleState state, PodInfo pod, NodeInfo node) {
        for (FilterPlugin f : state.filtersToRun(filters)) {
            Status s = f.filter(state, pod, node);
            if (!s.isSuccess()) {
                return s.withPlugin(f.name());
            }
        }
        return Status.SUCCESS;
    }

    /**
     * Runs the filters as if the pods nominated to the node with at least the pod's priority were
     * already there, then (if that passed) without them, as upstream: both must pass.
     */
    public Status runFiltersWithNominatedPods(CycleState state, PodInfo pod, NodeInfo node) {
        List<PodInfo> nominatedHere = nominator.isEmpty() ? List.of() : nominator.podsOn(node.name());
        if (nominatedHere.isEmpty()) {
            return runFilters(state, pod, node);
        }
        List<PodInfo> nominated = new ArrayList<>();
        for (PodInfo p : nominatedHere) {
            if (p.priority() >= pod.priority() && !p.key().equals(pod.key())) {
                nominated.add(p);
            }
        }
        if (nominated.isEmpty()) {
            return runFilters(state, pod, node);
        }
        NodeInfo withNominated = node.copy();
        CycleState stateWithNominated = state.copy();
        for (PodInfo p : nominated) {
            withNominated.addPod(p);
            runAddPod(stateWithNominated, pod, p, withNominated);
        }
        Status s = runFilters(stateWithNominated, pod, withNominated);
        return s.isSuccess() ? runFilters(state, pod, node) : s;
    }

    public void runAddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
        for (PreFilterPlugin p : preFilters) {
            if (p.extensions() != null && !state.skipsFilter(p.name())) {
                p.extensions().addPod(state, podToSchedule, podToAdd, node);
            }
        }
    }

    public void runRemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
        for (PreFilterPlugin p : preFilters) {
            if (p.extensions() != null && !state.skipsFilter(p.name())) {
                p.extensions().removePod(state, podToSchedule, podToRemove, node);
            }
        }
    }

    /** Runs the post-filters until one succeeds; otherwise the last one's failure. */
    public PostFilterResult runPostFilter(CycleState state, PodInfo pod, Snapshot snapshot, Map<String, Status> statuses) {
        PostFilterResult result = PostFilterResult.failed(Status.unresolvable());
        for (PostFilterPlugin p : postFilters) {
            result = p.postFilter(state, pod, snapshot, statuses, this);
            if (result.status().isSuccess()) {
                return result;
            }
        }
        return result;
    }

    /**
     * Runs PreScore, then each Score plugin over {@code nodes}, normalizes, and returns the weighted
     * sums (parallel to {@code nodes}).
     */
    public long[] runScores(CycleState state, PodInfo pod, List<NodeInfo> nodes, Snapshot snapshot) {
        for (PreScorePlugin p : preScores) {
            Status s = p.preScore(state, pod, nodes, snapshot);
            if (s.isSkip()) {
                state.skipScore(p.name());
            } else if (!s.isSuccess()) {
                throw new IllegalStateException("running PreScore plugin \"" + p.name() + "\": " + s.message());
            }
        }
        long[] total = new long[nodes.size()];
        long[] scratch = new long[nodes.size()];
        for (WeightedScore w : scores) {
            if (state.skipsScore(w.plugin.name())) {
                continue;
            }
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = w.plugin.score(state, pod, nodes.get(i));
            }
            w.plugin.normalize(state, pod, nodes, scratch);
            for (int i = 0; i < total.length; i++) {
                total[i] += scratch[i] * w.weight;
            }
        }
        return total;
    }

    /**
     * Runs the PreBind plugins one after the other, then the binder; the first failure ends it, as
     * an exception whose message names the plugin (the cause's root message, as upstream words it).
     */
    public CompletableFuture<Void> bind(PodInfo pod, String nodeName) {
        if (binder == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no bind plugin configured"));
        }
        CompletableFuture<Void> prepared = CompletableFuture.completedFuture(null);
        for (PreBindPlugin p : preBinds) {
            prepared = prepared.thenCompose(ignored -> p.preBind(pod, nodeName).exceptionallyCompose(e ->
                    CompletableFuture.failedFuture(new IllegalStateException(
                            "running PreBind plugin \"" + p.name() + "\": " + rootMessage(e)))));
        }
        return prepared.thenCompose(ignored -> binder.bind(pod, nodeName));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
