package io.kube4j.scheduler.queue;

import io.kube4j.scheduler.framework.PodInfo;
import java.util.Set;

/**
 * A pod in the scheduling queue with its queueing history: when it was (re)queued, how many
 * attempts it had (for the backoff), and which plugins rejected it last (for requeueing on events).
 */
public final class QueuedPodInfo {
    private PodInfo pod;
    private long timestamp;
    private int attempts;
    private Set<String> rejectingPlugins = Set.of();
    private final long sequence;
    boolean updatedWhileInFlight;

    QueuedPodInfo(PodInfo pod, long now, long sequence) {
        this.pod = pod;
        this.timestamp = now;
        this.sequence = sequence;
    }

    public PodInfo pod() {
        return pod;
    }

    void setPod(PodInfo pod) {
        this.pod = pod;
    }

    /** When the pod was last added or returned to the queue (ticker nanos). */
    public long timestamp() {
        return timestamp;
    }

    void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public int attempts() {
        return attempts;
    }

    void incrementAttempts() {
        attempts++;
    }

    public Set<String> rejectingPlugins() {
        return rejectingPlugins;
    }

    /** Records which plugins rejected the pod (empty for an error: then any event retries it). */
    public void setRejectingPlugins(Set<String> plugins) {
        this.rejectingPlugins = Set.copyOf(plugins);
    }

    long sequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return pod.key() + "{attempts=" + attempts + "}";
    }
}
