package io.kube4j.controllers.cronjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static ZonedDateTime utc(String text) {
        return ZonedDateTime.parse(text + "Z");
    }

    private static String next(String schedule, String after) {
        return CronSchedule.parse(schedule).next(utc(after), UTC).toString();
    }

    @Test
    void everyMinuteFiresAtTheNextWholeMinute() {
        assertEquals("2024-03-10T10:01Z", next("* * * * *", "2024-03-10T10:00:00"));
        assertEquals("2024-03-10T10:01Z", next("* * * * *", "2024-03-10T10:00:59.5"));
    }

    @Test
    void stepsRangesListsAndNames() {
        assertEquals("2024-03-10T10:15Z", next("*/15 * * * *", "2024-03-10T10:00:00"));
        assertEquals("2024-03-10T10:35Z", next("5/15 * * * *", "2024-03-10T10:20:00"), "n/step runs from n to the end");
        assertEquals("2024-03-10T12:00Z", next("0 9-17/3 * * *", "2024-03-10T09:00:00"));
        assertEquals("2024-03-10T10:30Z", next("0,30 * * * *", "2024-03-10T10:00:00"));
        assertEquals("2024-06-01T00:00Z", next("0 0 1 jun *", "2024-03-10T10:00:00"));
        assertEquals("2024-03-11T08:00Z", next("0 8 * * MON-FRI", "2024-03-09T10:00:00"), "Saturday to Monday");
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenNeitherIsAStar() {
        // The 13th, or any Friday: 2024-09-06 is a Friday, before Friday the 13th.
        assertEquals("2024-09-06T00:00Z", next("0 0 13 * 5", "2024-09-01T00:00:00"));
        // With a star day of week only the 13th counts.
        assertEquals("2024-09-13T00:00Z", next("0 0 13 * *", "2024-09-01T00:00:00"));
    }

    @Test
    void descriptors() {
        assertEquals("2024-03-10T11:00Z", next("@hourly", "2024-03-10T10:00:00"));
        assertEquals("2024-03-11T00:00Z", next("@daily", "2024-03-10T10:00:00"));
        assertEquals("2024-03-11T00:00Z", next("@midnight", "2024-03-10T10:00:00"));
        assertEquals("2024-03-17T00:00Z", next("@weekly", "2024-03-10T10:00:00"));
        assertEquals("2024-04-01T00:00Z", next("@monthly", "2024-03-10T10:00:00"));
        assertEquals("2025-01-01T00:00Z", next("@yearly", "2024-03-10T10:00:00"));
        assertEquals("2025-01-01T00:00Z", next("@annually", "2024-03-10T10:00:00"));
        assertEquals("2024-03-10T10:01:30Z", next("@every 90s", "2024-03-10T10:00:00"));
    }

    @Test
    void nextTimesFollowTheTimeZoneAcrossDaylightSaving() {
        ZoneId newYork = ZoneId.of("America/New_York");
        CronSchedule nineAm = CronSchedule.parse("0 9 * * *");
        // 2024-03-10 02:00: clocks in New York go from EST (-5) to EDT (-4).
        ZonedDateTime before = nineAm.next(utc("2024-03-08T15:00:00"), newYork);
        ZonedDateTime after = nineAm.next(before, newYork);
        assertEquals("2024-03-09T14:00Z", before.toString(), "09:00 EST");
        assertEquals("2024-03-10T13:00Z", after.toString(), "09:00 EDT, 23 hours later");
        // 02:30 does not exist on the day of the change: the next 02:30 is a day later.
        assertEquals(ZonedDateTime.parse("2024-03-11T02:30-04:00[America/New_York]").toInstant(),
                CronSchedule.parse("30 2 * * *").next(utc("2024-03-10T05:00:00"), newYork).toInstant());
    }

    @Test
    void impossibleDatesNeverFire() {
        assertNull(CronSchedule.parse("0 0 30 2 *").next(utc("2024-01-01T00:00:00"), UTC));
    }

    @Test
    void parseErrorsUseTheParsersWording() {
        assertEquals("expected exactly 5 fields, found 4: [* * * *]",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("* * * *")).getMessage());
        assertEquals("end of range (60) above maximum (59): 60",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("60 * * * *")).getMessage());
        assertEquals("beginning of range (5) beyond end of range (3): 5-3",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("5-3 * * * *")).getMessage());
        assertEquals("unrecognized descriptor: @fortnightly",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("@fortnightly")).getMessage());
        assertEquals("failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("x * * * *")).getMessage());
        assertEquals("step of range should be a positive number: */0",
                assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("*/0 * * * *")).getMessage());
    }
}
