package io.kube4j.controllers.job;

import java.util.TreeSet;
import java.util.SortedSet;

/** The interval notation of {@code status.completedIndexes}: sorted, ranges of 3+ as {@code a-b}, e.g. {@code 1,3-5,7}. */
public final class CompletedIndexes {
    private CompletedIndexes() {
    }

    public static SortedSet<Integer> parse(String text) {
        SortedSet<Integer> indexes = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return indexes;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                indexes.add(Integer.parseInt(part.trim()));
            } else {
                int from = Integer.parseInt(part.substring(0, dash).trim());
                int to = Integer.parseInt(part.substring(dash + 1).trim());
                for (int i = from; i <= to; i++) {
                    indexes.add(i);
                }
            }
        }
        return indexes;
    }

    public static String format(SortedSet<Integer> indexes) {
        StringBuilder out = new StringBuilder();
        Integer start = null;
        Integer previous = null;
        for (int i : indexes) {
            if (previous != null && i == previous + 1) {
                previous = i;
                continue;
            }
            appendRange(out, start, previous);
            start = i;
            previous = i;
        }
        appendRange(out, start, previous);
        return out.toString();
    }

    private static void appendRange(StringBuilder out, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append(start);
        if (end - start == 1) {
            out.append(',').append(end);
        } else if (end > start) {
            out.append('-').append(end);
        }
    }
}
