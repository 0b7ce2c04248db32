package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Optional;

/** The pod lifecycle facts controllers decide on, read from {@code status} as kubelets report it (upstream's podutil). */
public final class PodStates {
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String RUNNING = "Running";

    private PodStates() {
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "" : pod.getStatus().getPhase();
    }

    public static boolean isSucceeded(Pod pod) {
        return SUCCEEDED.equals(phase(pod));
    }

    public static boolean isFailed(Pod pod) {
        return FAILED.equals(phase(pod));
    }

    public static boolean isFinished(Pod pod) {
        return isSucceeded(pod) || isFailed(pod);
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** Neither finished nor being deleted: counts towards a controller's replicas. */
    public static boolean isActive(Pod pod) {
        return !isFinished(pod) && !isTerminating(pod);
    }

    public static boolean isReady(Pod pod) {
        return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static boolean isRunningAndReady(Pod pod) {
        return RUNNING.equals(phase(pod)) && isReady(pod);
    }

    /** Ready for more than {@code minReadySeconds} at {@code now} (ready is enough when that is 0). */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && since.plusSeconds(minReadySeconds).isBefore(now);
    }

    /** When the pod became ready, or null when it is not ready or the time is unknown. */
    public static Instant readySince(Pod pod) {
        return condition(pod, "Ready").filter(c -> "True".equals(c.getStatus()))
                .map(PodCondition::getLastTransitionTime).map(PodStates::instant).orElse(null);
    }

    public static int maxContainerRestarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).max().orElse(0);
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** An RFC 3339 API timestamp, or null when absent. */
    public static Instant instant(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
    }
}
