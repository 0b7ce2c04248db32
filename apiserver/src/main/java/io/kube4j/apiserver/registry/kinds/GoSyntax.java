package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Values for field errors, printed as Go's {@code %#v} prints them in upstream messages, e.g.
 * {@code map[string]string{"app":"web"}} or {@code []string{"10.96.0.5"}}.
 */
record GoSyntax(String text) {

    @Override
    public String toString() {
        return text;
    }

    static GoSyntax stringMap(JsonNode map) {
        return new GoSyntax(mapText(map));
    }

    static GoSyntax stringSlice(List<String> values) {
        return new GoSyntax(sliceText(values));
    }

    /** A {@code metav1.LabelSelector} struct value. */
    static GoSyntax labelSelector(JsonNode selector) {
        JsonNode expressions = selector == null ? null : selector.get("matchExpressions");
        String exprText = "[]v1.LabelSelectorRequirement(nil)";
        if (expressions != null && expressions.isArray() && !expressions.isEmpty()) {
            StringBuilder sb = new StringBuilder("[]v1.LabelSelectorRequirement{");
            for (int i = 0; i < expressions.size(); i++) {
                JsonNode e = expressions.get(i);
                sb.append(i == 0 ? "" : ", ").append("v1.LabelSelectorRequirement{Key:").append(quote(e.path("key").asText()))
                        .append(", Operator:").append(quote(e.path("operator").asText()))
                        .append(", Values:").append(sliceText(Trees.strings(e, "values"))).append('}');
            }
            exprText = sb.append('}').toString();
        }
        return new GoSyntax("v1.LabelSelector{MatchLabels:" + mapText(selector == null ? null : selector.get("matchLabels"))
                + ", MatchExpressions:" + exprText + "}");
    }

    private static String mapText(JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            return "map[string]string(nil)";
        }
        Map<String, String> sorted = new TreeMap<>();
        map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.entrySet().stream().map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(", ", "map[string]string{", "}"));
    }

    private static String sliceText(List<String> values) {
        if (values.isEmpty()) {
            return "[]string(nil)";
        }
        return values.stream().map(GoSyntax::quote).collect(Collectors.joining(", ", "[]string{", "}"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
