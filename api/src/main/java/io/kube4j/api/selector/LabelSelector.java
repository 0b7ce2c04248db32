package io.kube4j.api.selector;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.selector.LabelRequirement.Operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A label selector: the AND of {@link LabelRequirement}s, kept sorted by key as upstream does. Parsed
 * from the string syntax of the {@code labelSelector} query parameter, or built from a
 * {@code metav1.LabelSelector} object (matchLabels + matchExpressions).
 */
public final class LabelSelector {

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<LabelRequirement> requirements;
    private final boolean matchesNothing;

    private LabelSelector(List<LabelRequirement> requirements, boolean matchesNothing) {
        this.requirements = List.copyOf(requirements);
        this.matchesNothing = matchesNothing;
    }

    /** The selector that matches every object (the empty selector). */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** The selector that matches no object (what a missing metav1.LabelSelector means). */
    public static LabelSelector nothing() {
        return NOTHING;
    }

    /**
     * Parses the string syntax: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)},
     * {@code a notin (x)}, {@code a}, {@code !a}, {@code a>1}, {@code a<1}, joined by commas.
     *
     * @throws IllegalArgumentException with upstream's message if the syntax or a key/value is invalid
     */
    public static LabelSelector parse(String text) {
        return new LabelSelector(LabelSelectorParser.parse(text), false);
    }

    /**
     * Converts a {@code metav1.LabelSelector}: a missing (null) selector matches nothing, an empty one
     * everything.
     *
     * @throws IllegalArgumentException for an unknown operator or invalid keys and values
     */
    public static LabelSelector fromJson(JsonNode selector) {
        if (selector == null || selector.isNull() || selector.isMissingNode()) {
            return NOTHING;
        }
        List<LabelRequirement> requirements = new ArrayList<>();
        selector.path("matchLabels").properties().forEach(label ->
                requirements.add(requirement(label.getKey(), Operator.EQUALS, List.of(label.getValue().asText()))));
        for (JsonNode expression : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(value -> values.add(value.asText()));
            requirements.add(requirement(expression.path("key").asText(), operator(expression.path("operator").asText()),
                    values));
        }
        requirements.sort(Comparator.comparing(LabelRequirement::key));
        return new LabelSelector(requirements, false);
    }

    private static Operator operator(String name) {
        return switch (name) {
            case "In" -> Operator.IN;
            case "NotIn" -> Operator.NOT_IN;
            case "Exists" -> Operator.EXISTS;
            case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
            default -> throw new IllegalArgumentException("\"" + name + "\" is not a valid label selector operator");
        };
    }

    /** A validated requirement, with the messages of upstream's {@code labels.NewRequirement}. */
    static LabelRequirement requirement(String key, Operator operator, List<String> values) {
        List<String> errors = new ArrayList<>();
        addIfPresent(errors, LabelSyntax.keyError("key", key));
        String listed = values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
        switch (operator) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errors.add("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errors.add("values: Invalid value: " + listed + ": exact-match compatibility requires one single value");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errors.add("values: Invalid value: " + listed
                            + ": values set must be empty for exists and does not exist");
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    errors.add("values: Invalid value: " + listed
                            + ": for 'Gt', 'Lt' operators, exactly one value is required");
                }
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).matches("[-+]?\\d{1,18}")) {
                        errors.add(LabelSyntax.invalid("values[" + i + "]", values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            addIfPresent(errors, LabelSyntax.valueError("values[" + i + "][" + key + "]", values.get(i)));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
        }
        return new LabelRequirement(key, operator, values);
    }

    private static void addIfPresent(List<String> errors, String error) {
        if (error != null) {
            errors.add(error);
        }
    }

    /** Whether the labels satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        if (matchesNothing) {
            return false;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(requirement -> requirement.matches(present));
    }

    /** The requirements, sorted by key. */
    public List<LabelRequirement> requirements() {
        return requirements;
    }

    /** Whether this selector matches every object. */
    public boolean isEverything() {
        return !matchesNothing && requirements.isEmpty();
    }

    /** The canonical string form, e.g. {@code app=web,tier in (back,front)}; empty for everything/nothing. */
    @Override
    public String toString() {
        return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector that
                && matchesNothing == that.matchesNothing && requirements.equals(that.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode() * 31 + Boolean.hashCode(matchesNothing);
    }
}
