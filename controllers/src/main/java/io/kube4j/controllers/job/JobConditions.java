package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The conditions of {@code Job.status}: interim FailureTarget/SuccessCriteriaMet, terminal Failed/Complete, Suspended. */
public final class JobConditions {
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";
    public static final String FAILURE_TARGET = "FailureTarget";
    public static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
    public static final String SUSPENDED = "Suspended";

    private JobConditions() {
    }

    public static Optional<JobCondition> find(JobStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(JobStatus status, String type) {
        return find(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Complete or Failed: the Job is done and its controller leaves it alone. */
    public static boolean isFinished(Job job) {
        return isTrue(job.getStatus(), COMPLETE) || isTrue(job.getStatus(), FAILED);
    }

    /** When the Job finished (its terminal condition's transition), or null if it has not. */
    public static Instant finishTime(Job job) {
        for (String type : List.of(COMPLETE, FAILED)) {
            Optional<JobCondition> c = find(job.getStatus(), type).filter(x -> "True".equals(x.getStatus()));
            if (c.isPresent() && c.get().getLastTransitionTime() != null) {
                return Instant.parse(c.get().getLastTransitionTime());
            }
        }
        return null;
    }

    /** An API timestamp: RFC 3339 in whole seconds. */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Sets a condition; the transition time changes only when the status does. */
    public static void set(JobStatus status, String type, String value, String reason, String message, Instant now) {
        List<JobCondition> conditions = new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        String time = timestamp(now);
        JobCondition existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        if (existing == null) {
            conditions.add(new JobCondition(time, time, message, reason, value, type));
        } else {
            if (!value.equals(existing.getStatus())) {
                existing.setLastTransitionTime(time);
            }
            existing.setStatus(value);
            existing.setReason(reason);
            existing.setMessage(message);
            existing.setLastProbeTime(time);
        }
        status.setConditions(conditions);
    }
}
