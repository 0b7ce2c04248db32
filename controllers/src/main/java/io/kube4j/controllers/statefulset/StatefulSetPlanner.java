package io.kube4j.controllers.statefulset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one sync of a StatefulSet does, decided from its pods alone (upstream's updateStatefulSet):
 * fill missing ordinals 0..N-1 and replace finished pods, delete condemned ordinals from the highest
 * down, then roll pods of an old revision from the highest ordinal down to the partition. Under
 * OrderedReady every step waits for the pods before it to be Running and Ready, and at most one pod
 * is created or deleted per sync; Parallel creates and deletes in bursts.
 */
public final class StatefulSetPlanner {

    /** What the planner knows about one existing pod. */
    public record Replica(int ordinal, String name, String revision, boolean terminating, boolean finished,
                          boolean runningAndReady, boolean available) {
        boolean healthy() {
            return runningAndReady && available && !terminating;
        }
    }

    /** The set's intent: replica count, ordering, update strategy and revisions. */
    public record Spec(int replicas, boolean orderedReady, boolean rollingUpdate, int partition,
                       String currentRevision, String updateRevision) {
    }

    public sealed interface Action {
    }

    /** Create the pod of {@code ordinal} from the current revision's template, or from the update revision's. */
    public record Create(int ordinal, boolean fromCurrentRevision) implements Action {
    }

    public record Delete(Replica pod) implements Action {
    }

    /** The actions of this sync, and whether it stopped to wait for a pod to become Running, Ready and available. */
    public record Plan(List<Action> actions, boolean waiting) {
    }

    private StatefulSetPlanner() {
    }

    public static Plan plan(Spec spec, List<Replica> pods) {
        Map<Integer, Replica> byOrdinal = pods.stream()
                .filter(p -> p.ordinal() < spec.replicas())
                .collect(Collectors.toMap(Replica::ordinal, Function.identity(), (a, b) -> a));
        List<Replica> condemned = pods.stream()
                .filter(p -> p.ordinal() >= spec.replicas())
                .sorted(Comparator.comparingInt(Replica::ordinal).reversed())
                .toList();
        List<Action> actions = new ArrayList<>();
        boolean monotonic = spec.orderedReady();

        for (int ordinal = 0; ordinal < spec.replicas(); ordinal++) {
            Replica pod = byOrdinal.get(ordinal);
            if (pod == null) {
                actions.add(new Create(ordinal, spec.rollingUpdate() && ordinal < spec.partition()));
                if (monotonic) {
                    return new Plan(actions, false);
                }
            } else if (pod.finished() && !pod.terminating()) {
                actions.add(new Delete(pod));
                if (monotonic) {
                    return new Plan(actions, false);
                }
            } else if (monotonic && !pod.healthy()) {
                return new Plan(actions, true);
            }
        }

        Replica firstUnhealthy = condemned.stream().filter(p -> !p.healthy()).findFirst().orElse(null);
        for (Replica pod : condemned) {
            if (pod.terminating()) {
                if (monotonic) {
                    return new Plan(actions, true);
                }
                continue;
            }
            if (monotonic && !pod.healthy() && pod != firstUnhealthy) {
                return new Plan(actions, true);
            }
            actions.add(new Delete(pod));
            if (monotonic) {
                return new Plan(actions, false);
            }
        }

        if (!spec.rollingUpdate() || !actions.isEmpty()) {
            return new Plan(actions, false);
        }
        for (int ordinal = spec.replicas() - 1; ordinal >= spec.partition(); ordinal--) {
            Replica pod = byOrdinal.get(ordinal);
            if (pod == null) {
                continue;
            }
            if (!spec.updateRevision().equals(pod.revision()) && !pod.terminating()) {
                actions.add(new Delete(pod));
                return new Plan(actions, false);
            }
            if (!pod.healthy()) {
                return new Plan(actions, true);
            }
        }
        return new Plan(actions, false);
    }
}
