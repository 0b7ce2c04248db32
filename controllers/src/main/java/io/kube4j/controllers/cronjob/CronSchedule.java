package io.kube4j.controllers.cronjob;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * A CronJob schedule as upstream's parser (robfig/cron, standard flavour) reads it: five fields
 * (minute, hour, day of month, month, day of week) of numbers, names, ranges, steps and lists, or a
 * descriptor ({@code @hourly}, {@code @daily}/{@code @midnight}, {@code @weekly}, {@code @monthly},
 * {@code @yearly}/{@code @annually}, {@code @every <duration>}). {@link #next} finds the next
 * activation in a time zone the same way, including its daylight-saving behaviour.
 */
public final class CronSchedule {
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of(
            "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);
    /** How far ahead {@link #next} looks before giving up on a schedule that never fires (e.g. Feb 30). */
    private static final int YEARS_AHEAD = 5;

    private final CronFields fields;
    private final Duration every;

    private CronSchedule(CronFields fields, Duration every) {
        this.fields = fields;
        this.every = every;
    }

    /** Parses a schedule; the exception's message is the parser's error. */
    public static CronSchedule parse(String schedule) {
        String spec = schedule.trim();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("empty spec string");
        }
        if (spec.startsWith("@every ")) {
            return new CronSchedule(null, everyDuration(spec));
        }
        if (spec.startsWith("@")) {
            String expanded = DESCRIPTORS.get(spec.toLowerCase(Locale.ROOT));
            if (expanded == null) {
                throw new IllegalArgumentException("unrecognized descriptor: " + spec);
            }
            spec = expanded;
        }
        String[] parts = spec.split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("expected exactly 5 fields, found " + parts.length + ": [" + spec + "]");
        }
        return new CronSchedule(new CronFields(
                CronFields.parse(parts[0], 0, 59, Map.of()),
                CronFields.parse(parts[1], 0, 23, Map.of()),
                CronFields.parse(parts[2], 1, 31, Map.of()),
                CronFields.parse(parts[3], 1, 12, MONTHS),
                CronFields.parse(parts[4], 0, 6, DAYS)), null);
    }

    /** {@code @every} durations: whole seconds, at least one. */
    private static Duration everyDuration(String spec) {
        String text = spec.substring("@every ".length()).trim();
        try {
            Duration d = Duration.parse("PT" + text.toUpperCase(Locale.ROOT)).truncatedTo(ChronoUnit.SECONDS);
            return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("failed to parse duration " + spec + ": time: invalid duration \"" + text + "\"");
        }
    }

    /** The first activation strictly after {@code after}, in {@code zone}; null if none within five years. */
    public ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
        if (every != null) {
            return after.withNano(0).plus(every);
        }
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        boolean added = false;
        int yearLimit = t.getYear() + YEARS_AHEAD;
        wrap:
        while (t.getYear() <= yearLimit) {
            while (!fields.month(t.getMonthValue())) {
                if (!added) {
                    added = true;
                    t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
                }
                t = t.plusMonths(1);
                if (t.getMonthValue() == 1) {
                    continue wrap;
                }
            }
            while (!fields.day(t.getDayOfMonth(), t.getDayOfWeek().getValue() % 7)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.DAYS);
                }
                t = t.plusDays(1);
                if (t.getDayOfMonth() == 1) {
                    continue wrap;
                }
            }
            while (!fields.hour(t.getHour())) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.HOURS);
                }
                t = t.plusHours(1);
                if (t.getHour() == 0) {
                    continue wrap;
                }
            }
            while (!fields.minute(t.getMinute())) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.MINUTES);
                }
                t = t.plusMinutes(1);
                if (t.getMinute() == 0) {
                    continue wrap;
                }
            }
            while (t.getSecond() != 0) {
                t = t.plusSeconds(1);
                if (t.getSecond() == 0) {
                    continue wrap;
                }
            }
            return t.withZoneSameInstant(after.getZone());
        }
        return null;
    }
}
