package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.LabelRules;
import java.util.List;
import java.util.Map;

/** Label selectors of workloads: their syntax, and whether they select a pod template. */
final class SelectorValidation {
    static final String MISMATCH = "`selector` does not match template `labels`";
    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private SelectorValidation() {
    }

    /** Checks a {@code metav1.LabelSelector}'s syntax. */
    static void validate(JsonNode selector, String path, List<FieldError> errors) {
        LabelRules.checkLabels(selector.get("matchLabels"), path + ".matchLabels", errors);
        List<? extends JsonNode> expressions = Trees.objects(selector, "matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode e = expressions.get(i);
            String at = path + ".matchExpressions[" + i + "]";
            String operator = e.path("operator").asText();
            boolean hasValues = !Trees.strings(e, "values").isEmpty();
            if (!OPERATORS.contains(operator)) {
                errors.add(FieldError.invalid(at + ".operator", operator, "not a valid selector operator"));
            } else if ((operator.equals("In") || operator.equals("NotIn")) && !hasValues) {
                errors.add(FieldError.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
            } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && hasValues) {
                errors.add(FieldError.forbidden(at + ".values",
                        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
            }
            LabelRules.checkKey(e.path("key").asText(), at + ".key", errors);
        }
    }

    /** Whether the selector has neither matchLabels nor matchExpressions (it would select everything). */
    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && Trees.objects(selector, "matchExpressions").isEmpty();
    }

    /** Whether a {@code metav1.LabelSelector} selects an object with {@code labels}. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!hasAll(Meta.stringMap(selector.path("matchLabels")), labels)) {
            return false;
        }
        for (JsonNode e : Trees.objects(selector, "matchExpressions")) {
            String value = labels.get(e.path("key").asText());
            List<String> values = Trees.strings(e, "values");
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code labels} has every label of {@code required} (a ReplicationController's selector). */
    static boolean hasAll(Map<String, String> required, Map<String, String> labels) {
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A non-empty selector that does not select {@code template}'s labels is an error on those labels. */
    static void requireTemplateMatch(JsonNode selector, JsonNode template, String templatePath, List<FieldError> errors) {
        JsonNode labels = template.path("metadata").path("labels");
        if (!isEmpty(selector) && !matches(selector, Meta.stringMap(labels))) {
            errors.add(FieldError.invalid(templatePath + ".metadata.labels", GoSyntax.stringMap(labels), MISMATCH));
        }
    }
}
