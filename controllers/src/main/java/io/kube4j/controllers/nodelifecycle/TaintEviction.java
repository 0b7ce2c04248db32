package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.controllers.Tolerations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a pod on a node with NoExecute taints must go, as upstream's taint eviction controller: at
 * once if some taint is not tolerated; after the smallest tolerationSeconds of the tolerations used
 * if all are; never if those tolerate forever. An eviction already planned keeps its time.
 */
final class TaintEviction {

    /** A planned eviction: when it was decided and when it falls due. */
    record Plan(Instant decidedAt, Instant dueAt) {
    }

    private TaintEviction() {
    }

    /** The plan for a pod, or empty when it may stay (then any earlier plan is cancelled). */
    static Optional<Plan> plan(List<Toleration> tolerations, List<Taint> noExecuteTaints, Instant now, Plan existing) {
        if (noExecuteTaints.isEmpty()) {
            return Optional.empty();
        }
        List<Toleration> used = new ArrayList<>();
        for (Taint taint : noExecuteTaints) {
            Optional<Toleration> match = tolerations.stream().filter(t -> Tolerations.tolerates(t, taint)).findFirst();
            if (match.isEmpty()) {
                return Optional.of(new Plan(now, now));
            }
            used.add(match.get());
        }
        Duration wait = minimumToleration(used);
        if (wait == null) {
            return Optional.empty();
        }
        return Optional.of(existing != null ? existing : new Plan(now, now.plus(wait)));
    }

    /** The shortest tolerationSeconds (at least 0) among {@code used}, or null when all tolerate forever. */
    private static Duration minimumToleration(List<Toleration> used) {
        Long min = null;
        for (Toleration t : used) {
            if (t.getTolerationSeconds() != null) {
                long seconds = Math.max(0, t.getTolerationSeconds());
                min = min == null ? seconds : Math.min(min, seconds);
            }
        }
        return min == null ? null : Duration.ofSeconds(min);
    }
}
