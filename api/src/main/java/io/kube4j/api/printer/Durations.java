package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Human-readable durations as kubectl shows them in AGE and similar columns. */
public final class Durations {
    static final String UNKNOWN = "<unknown>";
    static final String INVALID = "<invalid>";

    private Durations() {
    }

    /**
     * Formats a duration with two to three significant figures, like upstream's {@code duration.HumanDuration}:
     * {@code 45s}, {@code 5m30s}, {@code 3h20m}, {@code 5d3h}, {@code 2y}. Durations down to one second in the
     * future count as {@code 0s} (clock skew); further in the future they are {@code <invalid>}.
     */
    public static String humanShort(Duration d) {
        // Truncate toward zero, as Go's int(d.Seconds()) does.
        long seconds = d.toMillis() / 1000;
        if (seconds < -1) {
            return INVALID;
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return withRemainder(minutes, "m", seconds % 60, "s");
        }
        if (minutes < 3 * 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return withRemainder(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        if (hours < 24 * 8) {
            return withRemainder(days, "d", hours % 24, "h");
        }
        if (hours < 24 * 365 * 2) {
            return days + "d";
        }
        if (hours < 24 * 365 * 8) {
            return withRemainder(days / 365, "y", days % 365, "d");
        }
        return days / 365 + "y";
    }

    /**
     * The age of an RFC 3339 timestamp field at {@code now}: {@code <unknown>} when the field is missing or
     * empty, {@code <invalid>} when it does not parse.
     */
    public static String age(JsonNode timestamp, Instant now) {
        Instant then;
        try {
            then = Json.instant(timestamp);
        } catch (DateTimeParseException e) {
            return INVALID;
        }
        return then == null ? UNKNOWN : humanShort(Duration.between(then, now));
    }

    /** The age of an object: the time since its {@code metadata.creationTimestamp}. */
    static String sinceCreation(JsonNode object, Instant now) {
        return age(Json.at(object, "metadata", "creationTimestamp"), now);
    }

    private static String withRemainder(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}
