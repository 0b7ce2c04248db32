package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple JSONPath subset CRD printer columns use: {@code .a.b}, {@code .a[0].b}, {@code .a[*].b},
 * {@code .a['dotted.key']} and {@code .a.dotted\.key}, optionally wrapped in {@code {}} or starting with {@code $}.
 */
final class JsonPath {
    private sealed interface Step permits Field, Index, Wildcard {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String expression;
    private final List<Step> steps;

    private JsonPath(String expression, List<Step> steps) {
        this.expression = expression;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException when the expression is outside the supported subset */
    static JsonPath parse(String expression) {
        return new JsonPath(expression, new Parser(expression).steps());
    }

    /** Every value the path reaches, in document order; empty when a step finds nothing. */
    List<JsonNode> evaluate(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, JsonNode node, List<JsonNode> out) {
        switch (step) {
            case Field field -> {
                if (node.isObject() && node.has(field.name())) {
                    out.add(node.get(field.name()));
                }
            }
            case Index index -> {
                int i = index.index() < 0 ? node.size() + index.index() : index.index();
                if (node.isArray() && i >= 0 && i < node.size()) {
                    out.add(node.get(i));
                }
            }
            case Wildcard wildcard -> {
                if (node.isContainerNode()) {
                    node.elements().forEachRemaining(out::add);
                }
            }
        }
    }

    @Override
    public String toString() {
        return expression;
    }

    private static final class Parser {
        private final String expression;
        private final String text;
        private int pos;

        Parser(String expression) {
            this.expression = expression;
            String trimmed = expression.strip();
            if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
            }
            this.text = trimmed.startsWith("$") ? trimmed.substring(1) : trimmed;
        }

        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            if (text.isEmpty()) {
                throw unrecognized();
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    steps.add(field());
                } else if (c == '[') {
                    steps.add(bracket());
                } else {
                    throw unrecognized();
                }
            }
            return steps;
        }

        private Step field() {
            StringBuilder name = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length() && text.charAt(pos) == '.') {
                    name.append(text.charAt(pos++));
                } else if (Character.isWhitespace(c) || c == '{' || c == '}' || c == ']') {
                    throw unrecognized();
                } else {
                    name.append(c);
                }
            }
            if (name.isEmpty()) {
                throw unrecognized();
            }
            return name.toString().equals("*") ? new Wildcard() : new Field(name.toString());
        }

        private Step bracket() {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw unrecognized();
            }
            String inside = text.substring(pos + 1, close).strip();
            pos = close + 1;
            if (inside.equals("*")) {
                return new Wildcard();
            }
            if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                    || inside.startsWith("\"") && inside.endsWith("\""))) {
                return new Field(inside.substring(1, inside.length() - 1));
            }
            try {
                return new Index(Integer.parseInt(inside));
            } catch (NumberFormatException e) {
                throw unrecognized();
            }
        }

        private IllegalArgumentException unrecognized() {
            return new IllegalArgumentException("unrecognized column definition \"" + expression + "\"");
        }
    }
}
