package io.kube4j.node.sim;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the simulated kubelet itself knows about one pod it runs (the API object may lag behind its
 * own writes): the step reached and since when, the address it gave, when it saw the deletion.
 * Actions on one pod run under {@link #lock}, so they never overlap.
 */
final class PodRecord {
    final ReentrantLock lock = new ReentrantLock();
    private PodStage stage;
    private Instant since;
    private String podIp;
    private Instant deletionSeen;
    private Instant timerAt;

    PodRecord(PodStage stage, Instant since) {
        this.stage = stage;
        this.since = since;
    }

    PodStage stage() {
        return stage;
    }

    Instant since() {
        return since;
    }

    void advance(PodStage next, Instant at) {
        stage = next;
        since = at;
    }

    String podIp() {
        return podIp;
    }

    void podIp(String value) {
        podIp = value;
    }

    Instant deletionSeen() {
        return deletionSeen;
    }

    void deletionSeen(Instant value) {
        deletionSeen = value;
    }

    /** Whether a timer must be set for {@code at}: false if one already fires no later. */
    boolean needsTimer(Instant at) {
        if (timerAt != null && !timerAt.isAfter(at)) {
            return false;
        }
        timerAt = at;
        return true;
    }

    void timerFired() {
        timerAt = null;
    }
}
