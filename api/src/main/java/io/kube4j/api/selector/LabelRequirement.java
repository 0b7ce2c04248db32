package io.kube4j.api.selector;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One term of a label selector: a key, an operator and (for some operators) values. */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    /** The operators of label selector terms, with the text they are written with. */
    public enum Operator {
        EQUALS("="), DOUBLE_EQUALS("=="), NOT_EQUALS("!="), IN(" in "), NOT_IN(" notin "),
        EXISTS(""), DOES_NOT_EXIST(""), GREATER_THAN(">"), LESS_THAN("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    public LabelRequirement {
        values = List.copyOf(values);
    }

    /** Whether a set of labels satisfies this term. */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case EQUALS, DOUBLE_EQUALS, IN -> value != null && values.contains(value);
            case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
            case EXISTS -> labels.containsKey(key);
            case DOES_NOT_EXIST -> !labels.containsKey(key);
            case GREATER_THAN, LESS_THAN -> compares(value);
        };
    }

    private boolean compares(String value) {
        try {
            long actual = Long.parseLong(value == null ? "" : value);
            long bound = Long.parseLong(values.get(0));
            return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The term as written in a selector string, e.g. {@code app=web}, {@code tier in (a,b)}, {@code !gpu}. */
    @Override
    public String toString() {
        String prefix = operator == Operator.DOES_NOT_EXIST ? "!" : "";
        String joined = values.stream().sorted().collect(Collectors.joining(","));
        return switch (operator) {
            case EXISTS, DOES_NOT_EXIST -> prefix + key;
            case IN, NOT_IN -> key + operator.symbol + "(" + joined + ")";
            default -> key + operator.symbol + joined;
        };
    }
}
