package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Text renderings shared by several printers (labels, selectors, container lists, truncated lists). */
final class Formats {
    static final String NONE = "<none>";
    static final String UNSET = "<unset>";

    private Formats() {
    }

    /** A label map as {@code k1=v1,k2=v2} sorted by key; empty as {@code ""}. */
    static String labels(JsonNode labelMap) {
        Map<String, String> sorted = new TreeMap<>();
        labelMap.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** A label map, or {@code <none>} when empty. */
    static String labelsOrNone(JsonNode labelMap) {
        return orNone(labels(labelMap));
    }

    /**
     * A {@code LabelSelector} in selector syntax ({@code app=web,tier in (a,b),!legacy}), requirements sorted
     * by key; a missing or empty selector gives {@code ""}.
     */
    static String selector(JsonNode selector) {
        List<String[]> requirements = new ArrayList<>();
        selector.path("matchLabels").fields()
                .forEachRemaining(e -> requirements.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue().asText()}));
        for (JsonNode expression : Json.items(selector, "matchExpressions")) {
            String key = Json.text(expression, "key");
            requirements.add(new String[] {key, requirement(key, Json.text(expression, "operator"), expression.path("values"))});
        }
        // A stable sort by key, as the upstream selector keeps requirements.
        requirements.sort((a, b) -> a[0].compareTo(b[0]));
        return requirements.stream().map(r -> r[1]).collect(Collectors.joining(","));
    }

    /** A {@code LabelSelector}, or {@code <none>} when it selects by nothing. */
    static String selectorOrNone(JsonNode selector) {
        return orNone(selector(selector));
    }

    private static String requirement(String key, String operator, JsonNode values) {
        TreeSet<String> sortedValues = new TreeSet<>();
        values.elements().forEachRemaining(v -> sortedValues.add(v.asText()));
        String set = "(" + String.join(",", sortedValues) + ")";
        return switch (operator) {
            case "In" -> key + " in " + set;
            case "NotIn" -> key + " notin " + set;
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> throw new IllegalArgumentException("\"" + operator + "\" is not a valid label selector operator");
        };
    }

    /** Container names and images of a pod spec, each joined by commas. */
    static String[] containers(JsonNode podSpec) {
        StringJoiner names = new StringJoiner(",");
        StringJoiner images = new StringJoiner(",");
        for (JsonNode container : Json.items(podSpec, "containers")) {
            names.add(Json.text(container, "name"));
            images.add(Json.text(container, "image"));
        }
        return new String[] {names.toString(), images.toString()};
    }

    /**
     * Joins the first {@code max} entries with commas and appends {@code " + N more..."} when {@code total}
     * exceeds them.
     */
    static String listWithMore(List<String> shown, int total, int max) {
        String joined = String.join(",", shown);
        return total > max ? joined + " + " + (total - max) + " more..." : joined;
    }

    /** Access modes abbreviated in upstream's fixed order: RWO, ROX, RWX, RWOP. */
    static String accessModes(JsonNode modes) {
        List<String> present = new ArrayList<>();
        modes.elements().forEachRemaining(m -> present.add(m.asText()));
        List<String> abbreviations = new ArrayList<>();
        String[][] order = {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"},
                {"ReadWriteOncePod", "RWOP"}};
        for (String[] mode : order) {
            if (present.contains(mode[0])) {
                abbreviations.add(mode[1]);
            }
        }
        return String.join(",", abbreviations);
    }

    static String orNone(String value) {
        return value.isEmpty() ? NONE : value;
    }
}
