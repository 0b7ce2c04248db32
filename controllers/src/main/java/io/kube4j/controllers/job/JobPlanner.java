package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kube4j.controllers.PodStates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The counting rules of the Job controller, free of I/O: what each pod's state means for the Job,
 * how many pods should run, which to create or remove, and when the Job has succeeded.
 */
public final class JobPlanner {

    public enum Outcome { ACTIVE, TERMINATING, SUCCEEDED, FAILED, IGNORED, FAIL_JOB }

    /** A pod's outcome; {@code message} describes a FailJob match. */
    public record Classified(Pod pod, Outcome outcome, String message) {
    }

    private JobPlanner() {
    }

    /**
     * A pod's outcome. Being deleted counts as failure unless the Job replaces only Failed pods
     * (podReplacementPolicy Failed) and is not already failing; the pod failure policy may ignore a
     * failure or make it fail the Job.
     */
    public static Classified classify(Job job, Pod pod, boolean failing) {
        if (PodStates.isSucceeded(pod)) {
            return new Classified(pod, Outcome.SUCCEEDED, null);
        }
        boolean onlyFailedReplaced = "Failed".equals(job.getSpec().getPodReplacementPolicy());
        if (PodStates.isFailed(pod)) {
            PodFailurePolicies.Match match = PodFailurePolicies.match(job.getSpec().getPodFailurePolicy(), pod);
            if (match != null && PodFailurePolicies.FAIL_JOB.equals(match.action())) {
                return new Classified(pod, Outcome.FAIL_JOB, match.message());
            }
            if (match != null && PodFailurePolicies.IGNORE.equals(match.action())) {
                return new Classified(pod, Outcome.IGNORED, null);
            }
            return new Classified(pod, Outcome.FAILED, null);
        }
        if (PodStates.isTerminating(pod)) {
            return new Classified(pod, onlyFailedReplaced && !failing ? Outcome.TERMINATING : Outcome.FAILED, null);
        }
        return new Classified(pod, Outcome.ACTIVE, null);
    }

    /**
     * How many pods should be active: none when suspended; up to parallelism but never more than the
     * completions still missing; once a Job without completions has a success, whatever runs may finish.
     */
    public static int wantActive(Job job, int succeeded, int active) {
        if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
            return 0;
        }
        int parallelism = Objects.requireNonNullElse(job.getSpec().getParallelism(), 1);
        Integer completions = job.getSpec().getCompletions();
        if (completions == null) {
            return succeeded > 0 ? active : parallelism;
        }
        return Math.max(0, Math.min(parallelism, completions - succeeded));
    }

    /** Succeeded: enough completions (or, without completions, any success) and nothing left running. */
    public static boolean successCriteriaMet(Job job, int succeeded, int active) {
        Integer completions = job.getSpec().getCompletions();
        return active == 0 && (completions == null ? succeeded > 0 : succeeded >= completions);
    }

    /** The {@code count} active pods to remove first: unscheduled, then pending, then not ready; newest first. */
    public static List<Pod> podsToRemove(List<Pod> active, int count) {
        Comparator<Pod> preference = Comparator.comparingInt(JobPlanner::removalRank)
                .thenComparing((Pod p) -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), ""),
                        Comparator.reverseOrder());
        return active.stream().sorted(preference).limit(Math.max(0, count)).toList();
    }

    private static int removalRank(Pod pod) {
        if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
            return 0;
        }
        if (!PodStates.RUNNING.equals(PodStates.phase(pod))) {
            return 1;
        }
        return PodStates.isReady(pod) ? 3 : 2;
    }

    /** The lowest {@code count} indexes below completions that are neither completed nor taken by a pod. */
    public static List<Integer> indexesToCreate(Job job, Set<Integer> completed, Set<Integer> taken, int count) {
        List<Integer> indexes = new ArrayList<>();
        int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 0);
        for (int i = 0; i < completions && indexes.size() < count; i++) {
            if (!completed.contains(i) && !taken.contains(i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** Active pods of an Indexed Job that must go: an invalid or completed index, or a second pod for one index. */
    public static List<Pod> surplusIndexedPods(Job job, List<Pod> active, Set<Integer> completed) {
        int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 0);
        Map<Integer, Pod> kept = new HashMap<>();
        List<Pod> surplus = new ArrayList<>();
        List<Pod> sorted = active.stream()
                .sorted(Comparator.comparingInt(JobPlanner::removalRank).reversed()
                        .thenComparing(p -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), "")))
                .toList();
        for (Pod pod : sorted) {
            int index = JobPods.indexOf(pod);
            if (index < 0 || index >= completions || completed.contains(index) || kept.putIfAbsent(index, pod) != null) {
                surplus.add(pod);
            }
        }
        return surplus;
    }
}
