package io.kube4j.apiserver.registry.kinds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a CronJob schedule the way upstream's parser (robfig/cron, standard flavour) does: five
 * fields of numbers, names, ranges, steps and lists, or a macro such as {@code @hourly}. Errors
 * carry the parser's wording.
 */
final class CronSchedule {
    private static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of(
            "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

    /** One field's bounds and names. */
    private record Field(int min, int max, Map<String, Integer> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field(0, 59, Map.of()), new Field(0, 23, Map.of()), new Field(1, 31, Map.of()),
            new Field(1, 12, MONTHS), new Field(0, 6, DAYS));

    private CronSchedule() {
    }

    /** The parser's error for {@code schedule}, or null if it parses. */
    static String problem(String schedule) {
        String spec = schedule.trim();
        if (spec.isEmpty()) {
            return "empty spec string";
        }
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                return "provided bad location " + spec.substring(spec.indexOf('=') + 1) + ": unknown time zone";
            }
            spec = spec.substring(space).trim();
        }
        if (spec.startsWith("@")) {
            return descriptor(spec);
        }
        String[] fields = spec.split("\\s+");
        if (fields.length != 5) {
            return "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]";
        }
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                String error = range(part, FIELDS.get(i));
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }

    private static String descriptor(String spec) {
        if (MACROS.contains(spec)) {
            return null;
        }
        if (spec.startsWith("@every ")) {
            String duration = spec.substring("@every ".length());
            try {
                Duration.parse("PT" + duration.toUpperCase(Locale.ROOT));
                return null;
            } catch (DateTimeParseException e) {
                return "failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"";
            }
        }
        return "unrecognized descriptor: " + spec;
    }

    /** One comma-separated part: {@code *}, {@code ?}, {@code n}, {@code a-b}, each with an optional {@code /step}. */
    private static String range(String expr, Field field) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        if (rangeAndStep.length > 2) {
            return "too many slashes: " + expr;
        }
        if (lowAndHigh.length > 2) {
            return "too many hyphens: " + expr;
        }
        int start;
        int end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = field.min();
            end = field.max();
        } else {
            try {
                start = value(lowAndHigh[0], field);
                end = lowAndHigh.length == 2 ? value(lowAndHigh[1], field) : start;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (rangeAndStep.length == 2) {
            try {
                if (Integer.parseInt(rangeAndStep[1]) <= 0) {
                    return "step of range should be a positive number: " + expr;
                }
            } catch (NumberFormatException e) {
                return "failed to parse int from " + rangeAndStep[1] + ": strconv.Atoi: parsing \"" + rangeAndStep[1]
                        + "\": invalid syntax";
            }
        }
        if (start < field.min()) {
            return "beginning of range (" + start + ") below minimum (" + field.min() + "): " + expr;
        }
        if (end > field.max()) {
            return "end of range (" + end + ") above maximum (" + field.max() + "): " + expr;
        }
        if (start > end) {
            return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr;
        }
        return null;
    }

    private static int value(String text, Field field) {
        Integer named = field.names().get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("failed to parse int from " + text + ": strconv.Atoi: parsing \""
                    + text + "\": invalid syntax");
        }
        return Integer.parseInt(text);
    }
}
