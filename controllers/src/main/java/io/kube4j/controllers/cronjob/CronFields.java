package io.kube4j.controllers.cronjob;

import java.util.Locale;
import java.util.Map;

/**
 * The five parsed fields of a cron schedule as bit sets. Whether a field was written with
 * {@code *} or {@code ?} matters for days: if either day field is a star both must match, otherwise
 * either may (classic cron).
 */
record CronFields(Field minutes, Field hours, Field daysOfMonth, Field months, Field daysOfWeek) {

    /** The values a field allows, one bit each, and whether it was a plain star. */
    record Field(long bits, boolean star) {
        boolean has(int value) {
            return (bits & (1L << value)) != 0;
        }
    }

    boolean minute(int m) {
        return minutes.has(m);
    }

    boolean hour(int h) {
        return hours.has(h);
    }

    boolean month(int m) {
        return months.has(m);
    }

    /** @param weekday 0 = Sunday */
    boolean day(int dayOfMonth, int weekday) {
        boolean domMatch = daysOfMonth.has(dayOfMonth);
        boolean dowMatch = daysOfWeek.has(weekday);
        if (daysOfMonth.star() || daysOfWeek.star()) {
            return domMatch && dowMatch;
        }
        return domMatch || dowMatch;
    }

    /** A comma-separated list of {@code *}, {@code ?}, {@code n}, {@code a-b}, each with an optional {@code /step}. */
    static Field parse(String field, int min, int max, Map<String, Integer> names) {
        long bits = 0;
        boolean star = false;
        for (String expr : field.split(",", -1)) {
            String[] rangeAndStep = expr.split("/", -1);
            String[] lowAndHigh = rangeAndStep[0].split("-", -1);
            if (rangeAndStep.length > 2) {
                throw new IllegalArgumentException("too many slashes: " + expr);
            }
            if (lowAndHigh.length > 2) {
                throw new IllegalArgumentException("too many hyphens: " + expr);
            }
            int start;
            int end;
            boolean exprStar = lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?");
            if (exprStar) {
                start = min;
                end = max;
            } else {
                start = value(lowAndHigh[0], names);
                end = lowAndHigh.length == 2 ? value(lowAndHigh[1], names) : start;
            }
            int step = 1;
            if (rangeAndStep.length == 2) {
                step = integer(rangeAndStep[1]);
                if (step <= 0) {
                    throw new IllegalArgumentException("step of range should be a positive number: " + expr);
                }
                if (lowAndHigh.length == 1 && !exprStar) {
                    end = max;
                }
                exprStar &= step == 1;
            }
            if (start < min) {
                throw new IllegalArgumentException("beginning of range (" + start + ") below minimum (" + min + "): " + expr);
            }
            if (end > max) {
                throw new IllegalArgumentException("end of range (" + end + ") above maximum (" + max + "): " + expr);
            }
            if (start > end) {
                throw new IllegalArgumentException("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
            }
            for (int v = start; v <= end; v += step) {
                bits |= 1L << v;
            }
            star |= exprStar;
        }
        return new Field(bits, star);
    }

    private static int value(String text, Map<String, Integer> names) {
        Integer named = names.get(text.toLowerCase(Locale.ROOT));
        return named != null ? named : integer(text);
    }

    private static int integer(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 9) {
            throw new IllegalArgumentException("failed to parse int from " + text + ": strconv.Atoi: parsing \""
                    + text + "\": invalid syntax");
        }
        return Integer.parseInt(text);
    }
}
