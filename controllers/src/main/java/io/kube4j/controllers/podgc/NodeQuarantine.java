package io.kube4j.controllers.podgc;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How long each node pods are bound to has been missing from the node cache. A node is only
 * presumed deleted once missing for the whole quarantine (40 s upstream): an informer may not
 * have caught up with a node just created.
 */
final class NodeQuarantine {
    private final Duration period;
    private final Map<String, Instant> missingSince = new HashMap<>();

    NodeQuarantine(Duration period) {
        this.period = period;
    }

    /**
     * Records that {@code missing} are missing at {@code now} (names no longer missing are forgotten)
     * and returns those missing for at least the quarantine period.
     */
    synchronized Set<String> overdue(Set<String> missing, Instant now) {
        missingSince.keySet().retainAll(missing);
        Set<String> overdue = new TreeSet<>();
        for (String node : missing) {
            if (!missingSince.computeIfAbsent(node, n -> now).plus(period).isAfter(now)) {
                overdue.add(node);
            }
        }
        return overdue;
    }

    /** How long until the next node still in quarantine leaves it, if any is. */
    synchronized Optional<Duration> untilNextDue(Instant now) {
        return missingSince.values().stream()
                .map(since -> since.plus(period))
                .filter(due -> due.isAfter(now))
                .min(Instant::compareTo)
                .map(due -> Duration.between(now, due));
    }
}
