package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.kube4j.controllers.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * One sync of one unfinished Job. Finished pods are counted in two steps so none is counted twice or
 * lost: their uids go to {@code status.uncountedTerminatedPods} first, then their finalizers are
 * removed, then they move into the succeeded/failed counters. Then the Job's conditions are decided
 * and, unless it is finishing, pods are created or removed.
 *
 * <p>Which pods still hold the tracking finalizer is decided once, when the sync starts, and then
 * changed only by this sync's own removals: the pod watch may report a removal while the sync runs,
 * and the sync's older copy of the pod must not then make a counted pod look held (and uncounted).
 */
final class JobSync {
    private final JobController controller;
    private final String key;
    private final List<Pod> owned;
    private final Set<String> held;
    private final Instant now;
    private Job job;
    private final JobStatus status;
    private String failJobMessage;

    /**
     * @param status a copy of the Job's status that this sync edits
     * @param held the uids of the owned pods that carry the tracking finalizer and whose removal is not under way
     */
    JobSync(JobController controller, String key, Job job, JobStatus status, List<Pod> owned, Set<String> held,
            Instant now) {
        this.controller = controller;
        this.key = key;
        this.job = job;
        this.status = status;
        this.owned = owned;
        this.held = held;
        this.now = now;
    }

    void run() {
        boolean failing = JobConditions.isTrue(status, JobConditions.FAILURE_TARGET);
        trackFinishedPods(failing);

        List<Pod> active = new ArrayList<>();
        int terminating = 0;
        int waitingToFail = 0;
        for (Pod pod : owned) {
            JobPlanner.Outcome outcome = JobPlanner.classify(job, pod, failing).outcome();
            if (outcome == JobPlanner.Outcome.ACTIVE) {
                active.add(pod);
            } else if (outcome == JobPlanner.Outcome.TERMINATING) {
                waitingToFail++;
            }
            if (PodStates.isTerminating(pod) && !PodStates.isFinished(pod)) {
                terminating++;
            }
        }
        boolean suspended = Boolean.TRUE.equals(job.getSpec().getSuspend());
        if (status.getStartTime() == null && !suspended) {
            status.setStartTime(JobConditions.timestamp(now));
        }
        int succeeded = JobPods.isIndexed(job) ? completedIndexes().size() : count(status.getSucceeded());
        boolean succeeding = JobConditions.isTrue(status, JobConditions.SUCCESS_CRITERIA_MET);
        if (!failing && !succeeding) {
            failing = decideFailure();
            succeeding = !failing && decideSuccess(succeeded, active.size());
        }
        int activeAfter = active.size();
        if (failing || succeeding) {
            finish(failing, active, terminating);
            activeAfter = 0;
        } else {
            updateSuspension(suspended);
            if (controller.expectations().satisfied(key)) {
                activeAfter = manage(active, succeeded, waitingToFail);
            }
            requeueForDeadline(suspended);
        }
        status.setActive(activeAfter);
        status.setReady((int) active.stream().filter(PodStates::isReady).count());
        status.setTerminating(terminating);
        if (!status.equals(job.getStatus())) {
            job = controller.writeStatus(key, job, status);
        }
    }

    /** Counts finished pods that still carry the tracking finalizer. */
    private void trackFinishedPods(boolean failing) {
        UncountedTerminatedPods uncounted = status.getUncountedTerminatedPods();
        Set<String> succeededUids = new LinkedHashSet<>(uncounted == null || uncounted.getSucceeded() == null
                ? List.of() : uncounted.getSucceeded());
        Set<String> failedUids = new LinkedHashSet<>(uncounted == null || uncounted.getFailed() == null
                ? List.of() : uncounted.getFailed());
        SortedSet<Integer> completed = completedIndexes();
        int newSucceeded = 0;
        Instant lastSuccess = null;
        List<Instant> newFailures = new ArrayList<>();
        List<Pod> release = new ArrayList<>();
        for (Pod pod : owned) {
            if (!held.contains(pod.getMetadata().getUid())) {
                continue;
            }
            JobPlanner.Classified c = JobPlanner.classify(job, pod, failing);
            String uid = pod.getMetadata().getUid();
            switch (c.outcome()) {
                case SUCCEEDED -> {
                    if (succeededUids.add(uid)) {
                        newSucceeded++;
                        Instant finished = JobPods.finishTime(pod, now);
                        lastSuccess = lastSuccess == null || finished.isAfter(lastSuccess) ? finished : lastSuccess;
                        int index = JobPods.indexOf(pod);
                        if (JobPods.isIndexed(job) && index >= 0 && index < count(job.getSpec().getCompletions())) {
                            completed.add(index);
                        }
                    }
                    release.add(pod);
                }
                case FAILED, FAIL_JOB -> {
                    if (failedUids.add(uid)) {
                        newFailures.add(JobPods.finishTime(pod, now));
                    }
                    if (c.outcome() == JobPlanner.Outcome.FAIL_JOB && failJobMessage == null) {
                        failJobMessage = c.message();
                    }
                    release.add(pod);
                }
                case IGNORED -> release.add(pod);
                default -> {
                }
            }
        }
        if (newSucceeded + newFailures.size() > 0) {
            status.setUncountedTerminatedPods(new UncountedTerminatedPods(List.copyOf(failedUids), List.copyOf(succeededUids)));
            if (JobPods.isIndexed(job)) {
                status.setCompletedIndexes(CompletedIndexes.format(completed));
            }
            job = controller.writeStatus(key, job, status);
        }
        release.forEach(this::release);
        int countedSucceeded = (int) succeededUids.stream().filter(uid -> !held.contains(uid)).count();
        int countedFailed = (int) failedUids.stream().filter(uid -> !held.contains(uid)).count();
        succeededUids.removeIf(uid -> !held.contains(uid));
        failedUids.removeIf(uid -> !held.contains(uid));
        status.setSucceeded(count(status.getSucceeded()) + countedSucceeded);
        status.setFailed(count(status.getFailed()) + countedFailed);
        status.setUncountedTerminatedPods(succeededUids.isEmpty() && failedUids.isEmpty() ? null
                : new UncountedTerminatedPods(List.copyOf(failedUids), List.copyOf(succeededUids)));
        controller.backoff().observe(key, lastSuccess, newFailures);
    }

    /** Sets FailureTarget if a pod failure policy, the backoff limit or the deadline fails the Job. */
    private boolean decideFailure() {
        String reason;
        String message;
        if (failJobMessage != null) {
            reason = "PodFailurePolicy";
            message = failJobMessage;
        } else if (count(status.getFailed()) > Objects.requireNonNullElse(job.getSpec().getBackoffLimit(), 6)) {
            reason = "BackoffLimitExceeded";
            message = "Job has reached the specified backoff limit";
        } else if (deadlineRemaining().map(left -> !left.isPositive()).orElse(false)) {
            reason = "DeadlineExceeded";
            message = "Job was active longer than specified deadline";
        } else {
            return false;
        }
        JobConditions.set(status, JobConditions.FAILURE_TARGET, "True", reason, message, now);
        controller.events().warning(job, reason, message);
        return true;
    }

    private boolean decideSuccess(int succeeded, int active) {
        if (!JobPlanner.successCriteriaMet(job, succeeded, active)) {
            return false;
        }
        JobConditions.set(status, JobConditions.SUCCESS_CRITERIA_MET, "True", "CompletionsReached",
                "Reached expected number of succeeded pods", now);
        return true;
    }

    /** Removes what still runs; once no pod is left to terminate, makes the interim condition terminal. */
    private void finish(boolean failing, List<Pod> active, int terminating) {
        for (Pod pod : active) {
            if (!failing) {
                release(pod);
            }
            controller.deletePod(key, job, pod);
        }
        if (!active.isEmpty() || !held.isEmpty() || terminating > 0) {
            return;
        }
        String interim = failing ? JobConditions.FAILURE_TARGET : JobConditions.SUCCESS_CRITERIA_MET;
        var target = JobConditions.find(status, interim).orElseThrow();
        JobConditions.set(status, failing ? JobConditions.FAILED : JobConditions.COMPLETE, "True",
                target.getReason(), target.getMessage(), now);
        if (!failing) {
            status.setCompletionTime(JobConditions.timestamp(now));
            controller.events().normal(job, "Completed", "Job completed");
        }
    }

    private void updateSuspension(boolean suspended) {
        boolean wasSuspended = JobConditions.isTrue(status, JobConditions.SUSPENDED);
        if (suspended && !wasSuspended) {
            JobConditions.set(status, JobConditions.SUSPENDED, "True", "JobSuspended", "Job suspended", now);
            controller.events().normal(job, "Suspended", "Job suspended");
        } else if (!suspended && wasSuspended) {
            JobConditions.set(status, JobConditions.SUSPENDED, "False", "JobResumed", "Job resumed", now);
            controller.events().normal(job, "Resumed", "Job resumed");
            status.setStartTime(JobConditions.timestamp(now));
        }
    }

    /** Creates or removes pods towards the wanted number of active pods; returns the active count after. */
    private int manage(List<Pod> active, int succeeded, int waitingToFail) {
        int want = JobPlanner.wantActive(job, succeeded, active.size());
        List<Pod> remove = new ArrayList<>();
        List<Integer> create = new ArrayList<>();
        if (JobPods.isIndexed(job)) {
            SortedSet<Integer> completed = completedIndexes();
            remove.addAll(JobPlanner.surplusIndexedPods(job, active, completed));
            List<Pod> kept = active.stream().filter(p -> !remove.contains(p)).toList();
            remove.addAll(JobPlanner.podsToRemove(kept, kept.size() - want));
            if (remove.isEmpty()) {
                Set<Integer> taken = new HashSet<>();
                owned.stream().filter(p -> !PodStates.isFinished(p)).forEach(p -> taken.add(JobPods.indexOf(p)));
                create.addAll(JobPlanner.indexesToCreate(job, completed, taken, want - kept.size() - waitingToFail));
            }
        } else if (active.size() > want) {
            remove.addAll(JobPlanner.podsToRemove(active, active.size() - want));
        } else {
            for (int i = 0; i < want - active.size() - waitingToFail; i++) {
                create.add(-1);
            }
        }
        if (!create.isEmpty()) {
            Duration wait = controller.backoff().remaining(key, now);
            if (!wait.isZero()) {
                controller.requeueAfter(key, wait);
                create.clear();
            }
        }
        controller.expectations().expect(key, create.size(), remove.size());
        for (Pod pod : remove) {
            release(pod);
            controller.deletePod(key, job, pod);
        }
        for (int index : create) {
            controller.createPod(key, job, index);
        }
        return active.size() - remove.size() + create.size();
    }

    private void release(Pod pod) {
        controller.releasePod(key, pod);
        held.remove(pod.getMetadata().getUid());
    }

    private void requeueForDeadline(boolean suspended) {
        if (!suspended) {
            deadlineRemaining().ifPresent(left -> controller.requeueAfter(key, left));
        }
    }

    private Optional<Duration> deadlineRemaining() {
        Long deadline = job.getSpec().getActiveDeadlineSeconds();
        if (deadline == null || status.getStartTime() == null || Boolean.TRUE.equals(job.getSpec().getSuspend())) {
            return Optional.empty();
        }
        Instant end = Instant.parse(status.getStartTime()).plusSeconds(deadline);
        return Optional.of(Duration.between(now, end));
    }

    private SortedSet<Integer> completedIndexes() {
        return CompletedIndexes.parse(status.getCompletedIndexes());
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
