package io.kube4j.scheduler.queue;

import io.kube4j.controllers.queue.Ticker;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.PodInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Upstream's priority queue of pods to schedule, in three parts: the active queue (highest
 * priority first, then oldest), the backoff queue (pods that failed wait 1 s, doubling per
 * attempt up to 10 s) and the unschedulable pods, which stay put until a cluster event one of
 * their rejecting plugins cares about happens (or 5 minutes pass). Pods being scheduled are "in
 * flight": an event during their attempt sends them to backoff rather than to wait for another.
 * Thread-safe; {@link #flushBackoffCompleted()} and {@link #flushUnschedulableLeftover()} run
 * every second and every 30 s once {@link #start()}ed, and tests call them with a fake ticker.
 */
public final class SchedulingQueue implements AutoCloseable {
    public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    public static final Duration MAX_UNSCHEDULABLE = Duration.ofMinutes(5);
    private static final Duration UNSCHEDULABLE_FLUSH_PERIOD = Duration.ofSeconds(30);

    private final Ticker ticker;
    private final Map<String, Set<ClusterEvent>> pluginEvents;
    private final TreeSet<QueuedPodInfo> active = new TreeSet<>(Comparator
            .comparingInt((QueuedPodInfo q) -> -q.pod().priority())
            .thenComparingLong(QueuedPodInfo::timestamp)
            .thenComparingLong(QueuedPodInfo::sequence));
    private final TreeSet<QueuedPodInfo> backoff = new TreeSet<>(Comparator
            .comparingLong(this::backoffExpiry)
            .thenComparingLong(QueuedPodInfo::sequence));
    private final Map<String, QueuedPodInfo> activeByKey = new HashMap<>();
    private final Map<String, QueuedPodInfo> backoffByKey = new HashMap<>();
    private final Map<String, QueuedPodInfo> unschedulable = new HashMap<>();
    private final Map<String, QueuedPodInfo> inFlight = new HashMap<>();
    private long sequence;
    private long schedulingCycle;
    private long moveRequestCycle = -1;
    private boolean closed;
    private Thread flusher;

    /** @param pluginEvents each plugin's requeue events, by plugin name */
    public SchedulingQueue(Ticker ticker, Map<String, Set<ClusterEvent>> pluginEvents) {
        this.ticker = ticker;
        this.pluginEvents = Map.copyOf(pluginEvents);
    }

    /** A new pending pod (or one seen again): goes to the active queue unless already queued or in flight. */
    public synchronized void add(PodInfo pod) {
        String key = pod.key();
        if (inFlight.containsKey(key) || activeByKey.containsKey(key) || backoffByKey.containsKey(key)) {
            return;
        }
        QueuedPodInfo q = unschedulable.remove(key);
        if (q == null) {
            q = new QueuedPodInfo(pod, ticker.nanos(), sequence++);
        } else {
            q.setPod(pod);
        }
        pushActive(q);
    }

    /**
     * Takes the next pod to schedule, waiting up to {@code timeoutMs}; null if none came. The pod
     * is in flight until {@link #done}, {@link #requeue} or {@link #delete}.
     */
    public synchronized QueuedPodInfo pop(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (active.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed) {
            return null;
        }
        QueuedPodInfo q = active.pollFirst();
        activeByKey.remove(q.pod().key());
        q.incrementAttempts();
        schedulingCycle++;
        q.updatedWhileInFlight = false;
        inFlight.put(q.pod().key(), q);
        return q;
    }

    /** The number of the scheduling attempt the last {@link #pop} started. */
    public synchronized long schedulingCycle() {
        return schedulingCycle;
    }

    /** The pod was scheduled and bound (or will never be retried): it leaves the queue for good. */
    public synchronized void done(String key) {
        inFlight.remove(key);
    }

    /**
     * A popped pod could not be scheduled (or its binding failed): it waits in the unschedulable
     * pods for a relevant event — or goes straight to backoff when it failed with an error, was
     * updated meanwhile, or an event that may help it happened during its attempt
     * ({@code podCycle} is the cycle it was popped in). Dropped if it was deleted meanwhile.
     */
    public synchronized void requeue(QueuedPodInfo q, long podCycle) {
        String key = q.pod().key();
        if (inFlight.remove(key) == null) {
            return;
        }
        q.setTimestamp(ticker.nanos());
        boolean eventDuringAttempt = moveRequestCycle >= podCycle;
        if (q.rejectingPlugins().isEmpty() || q.updatedWhileInFlight || eventDuringAttempt) {
            pushBackoff(q);
        } else {
            unschedulable.put(key, q);
        }
    }

    /**
     * A pending pod changed. In flight: remembered for its requeue. Unschedulable: retried now
     * (through backoff) if its spec, labels or annotations changed; status-only updates (such as
     * the scheduler's own PodScheduled condition) leave it waiting.
     */
    public synchronized void update(PodInfo pod) {
        String key = pod.key();
        QueuedPodInfo q;
        if ((q = inFlight.get(key)) != null) {
            q.updatedWhileInFlight |= changed(q.pod(), pod);
            q.setPod(pod);
        } else if ((q = activeByKey.remove(key)) != null) {
            active.remove(q);
            q.setPod(pod);
            pushActive(q);
        } else if ((q = backoffByKey.get(key)) != null) {
            q.setPod(pod);
        } else if ((q = unschedulable.get(key)) != null) {
            boolean changed = changed(q.pod(), pod);
            q.setPod(pod);
            if (changed) {
                unschedulable.remove(key);
                moveToActiveOrBackoff(q);
            }
        } else {
            add(pod);
        }
    }

    public synchronized void delete(String key) {
        inFlight.remove(key);
        unschedulable.remove(key);
        QueuedPodInfo q = activeByKey.remove(key);
        if (q != null) {
            active.remove(q);
        }
        q = backoffByKey.remove(key);
        if (q != null) {
            backoff.remove(q);
        }
    }

    /**
     * A cluster event: every unschedulable pod rejected by a plugin that registered this event
     * (or rejected by an error) moves to the active queue, or to backoff if still backing off.
     */
    public synchronized void onEvent(ClusterEvent event) {
        moveRequestCycle = schedulingCycle;
        List<QueuedPodInfo> moving = new ArrayList<>();
        for (QueuedPodInfo q : unschedulable.values()) {
            if (interested(q, event)) {
                moving.add(q);
            }
        }
        for (QueuedPodInfo q : moving) {
            unschedulable.remove(q.pod().key());
            moveToActiveOrBackoff(q);
        }
    }

    /** Moves every pod whose backoff is over to the active queue. */
    public synchronized void flushBackoffCompleted() {
        long now = ticker.nanos();
        while (!backoff.isEmpty() && backoffExpiry(backoff.first()) <= now) {
            QueuedPodInfo q = backoff.pollFirst();
            backoffByKey.remove(q.pod().key());
            pushActive(q);
        }
    }

    /** Retries pods that have waited in the unschedulable pods longer than {@link #MAX_UNSCHEDULABLE}. */
    public synchronized void flushUnschedulableLeftover() {
        long now = ticker.nanos();
        List<QueuedPodInfo> stale = new ArrayList<>();
        for (QueuedPodInfo q : unschedulable.values()) {
            if (now - q.timestamp() > MAX_UNSCHEDULABLE.toNanos()) {
                stale.add(q);
            }
        }
        for (QueuedPodInfo q : stale) {
            unschedulable.remove(q.pod().key());
            moveToActiveOrBackoff(q);
        }
    }

    /** Where a pod is, for tests and diagnostics: "active", "backoff", "unschedulable", "inFlight" or null. */
    public synchronized String whereIs(String key) {
        if (activeByKey.containsKey(key)) {
            return "active";
        }
        if (backoffByKey.containsKey(key)) {
            return "backoff";
        }
        if (unschedulable.containsKey(key)) {
            return "unschedulable";
        }
        return inFlight.containsKey(key) ? "inFlight" : null;
    }

    /** The backoff after {@code attempts} failed attempts: 1 s doubled per further attempt, at most 10 s. */
    public static Duration backoffDuration(int attempts) {
        Duration d = INITIAL_BACKOFF;
        for (int i = 1; i < attempts; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(MAX_BACKOFF) >= 0) {
                return MAX_BACKOFF;
            }
        }
        return d;
    }

    private long backoffExpiry(QueuedPodInfo q) {
        return q.timestamp() + backoffDuration(q.attempts()).toNanos();
    }

    private boolean interested(QueuedPodInfo q, ClusterEvent event) {
        if (q.rejectingPlugins().isEmpty()) {
            return true;
        }
        for (String plugin : q.rejectingPlugins()) {
            if (pluginEvents.getOrDefault(plugin, Set.of()).contains(event)) {
                return true;
            }
        }
        return false;
    }

    private void moveToActiveOrBackoff(QueuedPodInfo q) {
        if (backoffExpiry(q) > ticker.nanos()) {
            pushBackoff(q);
        } else {
            pushActive(q);
        }
    }

    private void pushActive(QueuedPodInfo q) {
        active.add(q);
        activeByKey.put(q.pod().key(), q);
        notifyAll();
    }

    private void pushBackoff(QueuedPodInfo q) {
        backoff.add(q);
        backoffByKey.put(q.pod().key(), q);
    }

    /** Whether the update is more than a status change (spec, labels or annotations differ). */
    private static boolean changed(PodInfo old, PodInfo now) {
        return !Objects.equals(old.pod().getSpec(), now.pod().getSpec())
                || !Objects.equals(old.pod().getMetadata().getLabels(), now.pod().getMetadata().getLabels())
                || !Objects.equals(old.pod().getMetadata().getAnnotations(), now.pod().getMetadata().getAnnotations());
    }

    /** Starts the periodic flushes. */
    public void start() {
        flusher = Thread.ofVirtual().name("scheduling-queue-flush").start(() -> {
            long lastUnschedulableFlush = ticker.nanos();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(INITIAL_BACKOFF.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                flushBackoffCompleted();
                if (ticker.nanos() - lastUnschedulableFlush >= UNSCHEDULABLE_FLUSH_PERIOD.toNanos()) {
                    flushUnschedulableLeftover();
                    lastUnschedulableFlush = ticker.nanos();
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        if (flusher != null) {
            flusher.interrupt();
        }
    }
}
