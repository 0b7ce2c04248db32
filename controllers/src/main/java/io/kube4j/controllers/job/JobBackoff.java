package io.kube4j.controllers.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delay before a Job replaces failed pods: 10 s after the first failure, doubling with each
 * further failure since the last success, at most 6 minutes (upstream's pod failure back-off).
 * Records live in memory per Job key, as upstream's backoff store does.
 */
public final class JobBackoff {
    static final Duration BASE = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(6);

    private record Record(int failuresAfterLastSuccess, Instant lastFailure) {
    }

    private final Map<String, Record> records = new ConcurrentHashMap<>();

    /**
     * Notes pods that just finished: failures after the latest new success (or, without one, after
     * those already recorded) are the ones that lengthen the delay.
     *
     * @param lastSuccess when the latest newly succeeded pod finished, or null if none did
     * @param failures when each newly failed pod finished
     */
    public void observe(String key, Instant lastSuccess, List<Instant> failures) {
        if (lastSuccess == null && failures.isEmpty()) {
            return;
        }
        records.compute(key, (k, r) -> {
            List<Instant> counted = lastSuccess == null ? failures
                    : failures.stream().filter(t -> t.isAfter(lastSuccess)).toList();
            int previous = lastSuccess == null && r != null ? r.failuresAfterLastSuccess : 0;
            Instant latest = lastSuccess == null && r != null ? r.lastFailure : Instant.EPOCH;
            for (Instant t : counted) {
                latest = t.isAfter(latest) ? t : latest;
            }
            int total = previous + counted.size();
            return total == 0 ? null : new Record(total, latest);
        });
    }

    /** How long new pods must still wait at {@code now}; zero when they may be created. */
    public Duration remaining(String key, Instant now) {
        Record r = records.get(key);
        if (r == null || r.failuresAfterLastSuccess == 0) {
            return Duration.ZERO;
        }
        Duration backoff = delay(r.failuresAfterLastSuccess);
        Duration elapsed = Duration.between(r.lastFailure, now);
        return elapsed.compareTo(backoff) >= 0 ? Duration.ZERO : backoff.minus(elapsed);
    }

    static Duration delay(int failures) {
        if (failures >= 16) {
            return MAX;
        }
        Duration d = BASE.multipliedBy(1L << (failures - 1));
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    public void forget(String key) {
        records.remove(key);
    }
}
