package io.kube4j.controllers.cronjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleTimesTest {
    private static final Instant T0 = Instant.parse("2024-03-10T10:00:30Z");

    private static ScheduleTimes times(String schedule) {
        return new ScheduleTimes(CronSchedule.parse(schedule), ZoneOffset.UTC);
    }

    @Test
    void nothingMissedBeforeTheFirstActivation() {
        ScheduleTimes.Missed missed = times("* * * * *").mostRecent(T0, T0.plusSeconds(20), null);
        assertNull(missed.mostRecent());
        assertEquals(0, missed.count());
    }

    @Test
    void theMostRecentOfSeveralMissedActivationsIsTheOneToStart() {
        ScheduleTimes.Missed one = times("* * * * *").mostRecent(T0, T0.plusSeconds(45), null);
        assertEquals(Instant.parse("2024-03-10T10:01:00Z"), one.mostRecent());
        assertEquals(1, one.count());
        ScheduleTimes.Missed five = times("* * * * *").mostRecent(T0, Instant.parse("2024-03-10T10:05:10Z"), null);
        assertEquals(Instant.parse("2024-03-10T10:05:00Z"), five.mostRecent());
        assertEquals(5, five.count());
    }

    @Test
    void irregularSchedulesStillFindTheExactLastActivation() {
        // Weekdays 06:30, 10:30, 14:30: from Friday morning to Monday noon.
        ScheduleTimes.Missed missed = times("30 6-16/4 * * 1-5")
                .mostRecent(Instant.parse("2024-03-08T07:00:00Z"), Instant.parse("2024-03-11T12:00:00Z"), null);
        assertEquals(Instant.parse("2024-03-11T10:30:00Z"), missed.mostRecent());
    }

    @Test
    void theStartingDeadlineBoundsHowFarBackToLook() {
        Instant now = T0.plus(Duration.ofDays(1));
        ScheduleTimes.Missed unbounded = times("* * * * *").mostRecent(T0, now, null);
        ScheduleTimes.Missed bounded = times("* * * * *").mostRecent(T0, now, 200L);
        assertEquals(1440, unbounded.count());
        assertEquals(unbounded.mostRecent(), bounded.mostRecent());
        assertEquals(3, bounded.count(), "only activations in the last 200 s count");
        assertEquals(now.minusSeconds(200), bounded.earliest());
    }

    @Test
    void untilNextAimsJustAfterTheNextActivation() {
        Duration wait = times("*/5 * * * *").untilNext(T0, T0.plusSeconds(10));
        assertEquals(Duration.ofSeconds(260).plusMillis(100), wait);
        Duration afterMissed = times("*/5 * * * *").untilNext(T0, Instant.parse("2024-03-10T10:07:00Z"));
        assertEquals(Duration.ofMinutes(3).plusMillis(100), afterMissed);
    }
}
