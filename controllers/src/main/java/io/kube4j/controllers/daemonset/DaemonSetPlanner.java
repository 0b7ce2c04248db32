package io.kube4j.controllers.daemonset;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.kube4j.controllers.IntOrPercent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decisions of one DaemonSet sync, from the nodes' eligibility and the pods on them (upstream's
 * manage, rollingUpdate and updateDaemonSetStatus): create a pod on every node that should run one
 * and has none; delete failed pods, surplus pods (keeping the oldest), pods on nodes they must leave
 * and unscheduled pods for nodes that are gone; then replace old-revision pods within maxUnavailable.
 */
public final class DaemonSetPlanner {

    /** A daemon pod as the planner sees it; {@code updated}: it runs the current revision. */
    public record DaemonPod(String name, String node, boolean terminating, boolean failed, boolean updated,
                            boolean ready, boolean available, Instant created) {
    }

    public record Manage(List<String> createOn, List<DaemonPod> failed, List<DaemonPod> delete) {
    }

    /** The status counts of a DaemonSet. */
    public record Counts(int desired, int current, int misscheduled, int ready, int updated, int available) {
    }

    private static final Comparator<DaemonPod> OLDEST_FIRST = Comparator
            .comparing(DaemonPod::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DaemonPod::name);

    private DaemonSetPlanner() {
    }

    public static Map<String, List<DaemonPod>> byNode(List<DaemonPod> pods) {
        Map<String, List<DaemonPod>> byNode = new TreeMap<>();
        for (DaemonPod pod : pods) {
            if (pod.node() != null) {
                byNode.computeIfAbsent(pod.node(), n -> new ArrayList<>()).add(pod);
            }
        }
        return byNode;
    }

    public static Manage manage(Map<String, NodeEligibility.Decision> nodes, List<DaemonPod> pods) {
        Map<String, List<DaemonPod>> byNode = byNode(pods);
        List<String> createOn = new ArrayList<>();
        List<DaemonPod> failed = new ArrayList<>();
        List<DaemonPod> delete = new ArrayList<>();
        for (var entry : new TreeMap<>(nodes).entrySet()) {
            NodeEligibility.Decision decision = entry.getValue();
            List<DaemonPod> onNode = byNode.getOrDefault(entry.getKey(), List.of());
            if (decision.shouldRun() && onNode.isEmpty()) {
                createOn.add(entry.getKey());
            } else if (decision.shouldContinueRunning()) {
                List<DaemonPod> running = new ArrayList<>();
                for (DaemonPod pod : onNode) {
                    if (pod.terminating()) {
                        continue;
                    }
                    if (pod.failed()) {
                        failed.add(pod);
                    } else {
                        running.add(pod);
                    }
                }
                running.sort(OLDEST_FIRST);
                delete.addAll(running.subList(Math.min(1, running.size()), running.size()));
            } else {
                onNode.stream().filter(p -> !p.terminating()).forEach(delete::add);
            }
        }
        pods.stream()
                .filter(p -> p.node() != null && !nodes.containsKey(p.node()) && !p.terminating())
                .forEach(delete::add);
        return new Manage(createOn, failed, delete);
    }

    /**
     * Old-revision pods to delete now: unavailable ones at once, available ones only while fewer than
     * {@code maxUnavailable} nodes are unavailable (a node whose pod is missing, being replaced, or new
     * but not yet available counts as unavailable).
     */
    public static List<DaemonPod> rollout(List<DaemonPod> pods, int maxUnavailable) {
        int unavailable = 0;
        List<DaemonPod> replaceNow = new ArrayList<>();
        List<DaemonPod> candidates = new ArrayList<>();
        for (List<DaemonPod> onNode : byNode(pods).values()) {
            List<DaemonPod> live = onNode.stream().filter(p -> !p.terminating()).toList();
            List<DaemonPod> fresh = live.stream().filter(DaemonPod::updated).toList();
            List<DaemonPod> old = live.stream().filter(p -> !p.updated()).toList();
            if (fresh.size() > 1 || old.size() > 1 || fresh.size() == old.size()) {
                unavailable++;
            } else if (!fresh.isEmpty()) {
                if (!fresh.getFirst().available()) {
                    unavailable++;
                }
            } else if (!old.getFirst().available()) {
                replaceNow.add(old.getFirst());
            } else {
                candidates.add(old.getFirst());
            }
        }
        int budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.size()));
        List<DaemonPod> delete = new ArrayList<>(replaceNow);
        delete.addAll(candidates.subList(0, budget));
        return delete;
    }

    public static Counts count(Map<String, NodeEligibility.Decision> nodes, List<DaemonPod> pods) {
        Map<String, List<DaemonPod>> byNode = byNode(pods);
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int updated = 0;
        int available = 0;
        for (var entry : nodes.entrySet()) {
            List<DaemonPod> onNode = byNode.getOrDefault(entry.getKey(), List.of());
            if (entry.getValue().shouldRun()) {
                desired++;
                if (onNode.isEmpty()) {
                    continue;
                }
                current++;
                DaemonPod pod = onNode.stream().min(OLDEST_FIRST).orElseThrow();
                ready += pod.ready() ? 1 : 0;
                available += pod.available() ? 1 : 0;
                updated += pod.updated() ? 1 : 0;
            } else if (!onNode.isEmpty()) {
                misscheduled++;
            }
        }
        return new Counts(desired, current, misscheduled, ready, updated, available);
    }

    /** maxUnavailable as a count: a percentage of the desired pods rounded up; never 0 without surge. */
    public static int maxUnavailable(IntOrString value, int desired) {
        int resolved = IntOrPercent.scaled(value, desired, true);
        return resolved == 0 ? 1 : resolved;
    }
}
