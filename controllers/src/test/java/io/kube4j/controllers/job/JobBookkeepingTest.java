package io.kube4j.controllers.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Completed-index notation and the failure back-off. */
class JobBookkeepingTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void completedIndexesUseRangesOfThreeOrMore() {
        assertEquals("0-2,4,6,7", CompletedIndexes.format(new TreeSet<>(List.of(0, 1, 2, 4, 6, 7))));
        assertEquals("", CompletedIndexes.format(new TreeSet<>()));
        assertEquals(new TreeSet<>(List.of(0, 1, 2, 4, 6, 7)), CompletedIndexes.parse("0-2,4,6,7"));
    }

    @Test
    void backoffDoublesFromTenSecondsUpToSixMinutes() {
        assertEquals(Duration.ofSeconds(10), JobBackoff.delay(1));
        assertEquals(Duration.ofSeconds(20), JobBackoff.delay(2));
        assertEquals(Duration.ofSeconds(160), JobBackoff.delay(5));
        assertEquals(Duration.ofMinutes(6), JobBackoff.delay(7));
        assertEquals(Duration.ofMinutes(6), JobBackoff.delay(40));
    }

    @Test
    void eachFailureLengthensTheWaitUntilASuccess() {
        JobBackoff backoff = new JobBackoff();
        assertEquals(Duration.ZERO, backoff.remaining("ns/j", T));
        backoff.observe("ns/j", null, List.of(T));
        assertEquals(Duration.ofSeconds(6), backoff.remaining("ns/j", T.plusSeconds(4)));
        backoff.observe("ns/j", null, List.of(T.plusSeconds(5)));
        assertEquals(Duration.ofSeconds(20), backoff.remaining("ns/j", T.plusSeconds(5)));
        assertEquals(Duration.ZERO, backoff.remaining("ns/j", T.plusSeconds(25)));
        backoff.observe("ns/j", T.plusSeconds(30), List.of(T.plusSeconds(29)));
        assertEquals(Duration.ZERO, backoff.remaining("ns/j", T.plusSeconds(30)), "a later success resets the count");
        backoff.observe("ns/j", T.plusSeconds(40), List.of(T.plusSeconds(41)));
        assertEquals(Duration.ofSeconds(9), backoff.remaining("ns/j", T.plusSeconds(42)), "failures after the success count");
    }
}
