package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The simulated kubelet's decisions for one pod, as pure functions of the pod, what the kubelet
 * recorded about it and the time: which write comes next, and when.
 */
final class PodPlan {

    enum Action {
        /** Nothing to do until the pod changes. */
        NONE,
        /** Post the Pending status with containers being created. */
        REPORT_CREATING,
        /** Give the pod its address and post it Running. */
        START,
        /**
         * Post the Running status again: the pod runs but its Ready condition was turned off by
         * someone else (the node lifecycle controller while the node was unreachable), and a
         * kubelet's status sync reports the truth.
         */
        REPORT_READY,
        /** Post the containers exited (run to completion). */
        FINISH,
        /** Post the containers stopped, then delete the pod for good (its deletion was requested). */
        STOP_AND_DELETE,
        /** Delete the pod for good: its deletion was requested and nothing runs. */
        DELETE
    }

    /** {@code action} is due at {@code at}. */
    record Step(Action action, Instant at) {
        static final Step NONE = new Step(Action.NONE, Instant.MAX);
    }

    private final Duration startDelay;
    private final Duration defaultRunDuration;
    private final Duration stopDelay;

    PodPlan(SimulatedNodesConfig config) {
        this(config.containerStartDelay(), config.defaultRunDuration(), config.containerStopDelay());
    }

    PodPlan(Duration startDelay, Duration defaultRunDuration, Duration stopDelay) {
        this.startDelay = startDelay;
        this.defaultRunDuration = defaultRunDuration;
        this.stopDelay = stopDelay;
    }

    /** What a pod found on the node at first sight already went through (the kubelet may have restarted). */
    static PodRecord adopt(Pod pod, Instant now) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Running".equals(phase)) {
            PodRecord record = new PodRecord(PodStage.RUNNING, runningSince(pod, now));
            record.podIp(pod.getStatus().getPodIP());
            return record;
        }
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return new PodRecord(PodStage.TERMINATED, now);
        }
        boolean reported = pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && !pod.getStatus().getContainerStatuses().isEmpty();
        return new PodRecord(reported ? PodStage.CREATING : PodStage.NEW, now);
    }

    private static Instant runningSince(Pod pod, Instant fallback) {
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (status.getState() != null && status.getState().getRunning() != null
                    && status.getState().getRunning().getStartedAt() != null) {
                return Instant.parse(status.getState().getRunning().getStartedAt());
            }
        }
        return fallback;
    }

    Step next(Pod pod, PodRecord record, Instant now) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            if (record.stage() != PodStage.RUNNING) {
                return new Step(Action.DELETE, now);
            }
            Instant seen = record.deletionSeen() == null ? now : record.deletionSeen();
            return new Step(Action.STOP_AND_DELETE, seen.plus(stopTime(pod)));
        }
        return switch (record.stage()) {
            case NEW -> new Step(startDelay.isZero() ? Action.START : Action.REPORT_CREATING, now);
            case CREATING -> new Step(Action.START, record.since().plus(startDelay));
            case RUNNING -> !reportedReady(pod) ? new Step(Action.REPORT_READY, now)
                    : runsToCompletion(pod) ? new Step(Action.FINISH, record.since().plus(runDuration(pod)))
                    : Step.NONE;
            case TERMINATED -> Step.NONE;
        };
    }

    /** The containers stop within the grace period, and within the simulated stop time. */
    private Duration stopTime(Pod pod) {
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        if (grace == null) {
            return stopDelay;
        }
        Duration graceTime = Duration.ofSeconds(grace);
        return graceTime.compareTo(stopDelay) < 0 ? graceTime : stopDelay;
    }

    private static boolean reportedReady(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean runsToCompletion(Pod pod) {
        String policy = pod.getSpec().getRestartPolicy();
        return "Never".equals(policy) || "OnFailure".equals(policy);
    }

    Duration runDuration(Pod pod) {
        String value = annotation(pod, SimulatedPods.RUN_SECONDS);
        if (value == null) {
            return defaultRunDuration;
        }
        try {
            BigDecimal millis = new BigDecimal(value.strip()).movePointRight(3);
            return Duration.ofMillis(Math.max(0, millis.longValue()));
        } catch (NumberFormatException e) {
            return defaultRunDuration;
        }
    }

    static int exitCode(Pod pod) {
        String value = annotation(pod, SimulatedPods.EXIT_CODE);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String annotation(Pod pod, String key) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
