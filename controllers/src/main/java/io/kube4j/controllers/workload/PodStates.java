package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Optional;

/** The pod lifecycle facts controllers decide on, read from {@code status} as kubelets report it. */
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

    /** Neither finished nor being deleted. */
    public static boolean isActive(Pod pod) {
        return !isFinished(pod) && !isTerminating(pod);
    }

    public static boolean isReady(Pod pod) {
        return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static boolean isRunningAndReady(Pod pod) {
        return RUNNING.equals(phase(pod)) && isReady(pod);
    }

    /** Ready for at least {@code minReadySeconds} at {@code now}. */
    public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isReady(pod)) {
            return false;
        }
        if (minReadySeconds <= 0) {
            return true;
        }
        Instant since = readySince(pod);
        return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
    }

    /** When the pod last became ready, or null if unknown. */
    public static Instant readySince(Pod pod) {
        return readyCondition(pod).map(PodCondition::getLastTransitionTime).map(PodStates::instant).orElse(null);
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static Optional<PodCondition> readyCondition(Pod pod) {
        return condition(pod, "Ready");
    }

    /** An RFC 3339 API timestamp, or null. */
    public static Instant instant(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
    }
}
