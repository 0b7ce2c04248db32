package io.kube4j.controllers.cronjob;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a CronJob should have started (upstream's mostRecentScheduleTime): the latest activation in
 * (earliest, now], where earliest is the last schedule time (or creation) moved up to the starting
 * deadline; the number of missed activations is estimated from the interval between two of them so a
 * badly skewed clock cannot make the controller enumerate years of minutes.
 */
public final class ScheduleTimes {
    /** Past this many missed activations the CronJob gets a TooManyMissedTimes warning. */
    public static final long TOO_MANY_MISSED = 100;
    /** Added to requeue delays so the sync runs just after, never just before, the activation. */
    static final Duration NEXT_SCHEDULE_DELTA = Duration.ofMillis(100);

    /** The most recent missed activation (or null), how many were missed, and the earliest time considered. */
    public record Missed(Instant mostRecent, long count, Instant earliest) {
    }

    private final CronSchedule schedule;
    private final ZoneId zone;

    public ScheduleTimes(CronSchedule schedule, ZoneId zone) {
        this.schedule = schedule;
        this.zone = zone;
    }

    public Instant next(Instant after) {
        ZonedDateTime next = schedule.next(after.atZone(zone), zone);
        return next == null ? null : next.toInstant();
    }

    /**
     * @param startingDeadlineSeconds null, or how late a start may still be
     * @throws IllegalArgumentException if two activations are less than a second apart (an impossible date)
     */
    public Missed mostRecent(Instant lastScheduleOrCreation, Instant now, Long startingDeadlineSeconds) {
        Instant earliest = lastScheduleOrCreation;
        if (startingDeadlineSeconds != null) {
            Instant deadline = now.minusSeconds(startingDeadlineSeconds);
            if (deadline.isAfter(earliest)) {
                earliest = deadline;
            }
        }
        Instant t1 = next(earliest);
        Instant t2 = t1 == null ? null : next(t1);
        if (t1 == null || now.isBefore(t1)) {
            return new Missed(null, 0, earliest);
        }
        if (t2 == null || now.isBefore(t2)) {
            return new Missed(t1, 1, earliest);
        }
        long interval = Math.round(Duration.between(t1, t2).toMillis() / 1000.0);
        if (interval < 1) {
            throw new IllegalArgumentException("time difference between two schedules is less than 1 second");
        }
        long missed = Duration.between(t1, now).toSeconds() / interval + 1;
        // Start one interval before the estimate and let the schedule find the exact last activation,
        // since intervals of schedules like "30 6-16/4 * * 1-5" are not constant.
        Instant from = t1.plusSeconds((missed - 2) * interval);
        Instant mostRecent = null;
        for (Instant t = next(from); t != null && !t.isAfter(now); t = next(t)) {
            mostRecent = t;
        }
        return new Missed(mostRecent, missed, earliest);
    }

    /** How long until the sync after the next activation (from the most recent one, or now). */
    public Duration untilNext(Instant lastScheduleOrCreation, Instant now) {
        Instant from;
        try {
            Missed missed = mostRecent(lastScheduleOrCreation, now, null);
            from = missed.mostRecent() != null ? missed.mostRecent() : missed.count() == 0 ? missed.earliest() : now;
        } catch (IllegalArgumentException e) {
            from = now;
        }
        Instant next = next(from);
        return next == null ? null : Duration.between(now, next.plus(NEXT_SCHEDULE_DELTA));
    }
}
