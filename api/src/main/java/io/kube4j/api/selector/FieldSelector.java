package io.kube4j.api.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A field selector ({@code fieldSelector} query parameter): comma-separated terms {@code field=value},
 * {@code field==value} or {@code field!=value}, all of which must hold. In values, {@code \,},
 * {@code \=} and {@code \\} escape the special characters.
 */
public final class FieldSelector {

    /** One term; {@code equal} is false for {@code !=}. */
    public record Requirement(String field, boolean equal, String value) {

        public boolean matches(Function<String, String> fieldValue) {
            String actual = fieldValue.apply(field);
            return equal == value.equals(actual == null ? "" : actual);
        }

        @Override
        public String toString() {
            return field + (equal ? "=" : "!=") + escape(value);
        }
    }

    private static final List<String> OPERATORS = List.of("!=", "==", "=");

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** The empty selector, which matches everything. */
    public static FieldSelector everything() {
        return new FieldSelector(List.of());
    }

    /**
     * Parses a field selector; terms come out sorted, as upstream sorts them.
     *
     * @throws IllegalArgumentException with upstream's message for a term without operator or a bad escape
     */
    public static FieldSelector parse(String text) {
        List<String> terms = splitTerms(text);
        terms.sort(null);
        List<Requirement> requirements = new ArrayList<>();
        for (String term : terms) {
            if (!term.isEmpty()) {
                requirements.add(requirement(text, term));
            }
        }
        return new FieldSelector(requirements);
    }

    private static Requirement requirement(String selector, String term) {
        for (int i = 0; i < term.length(); i++) {
            for (String operator : OPERATORS) {
                if (term.startsWith(operator, i)) {
                    String value = unescape(term.substring(i + operator.length()));
                    return new Requirement(term.substring(0, i), !operator.equals("!="), value);
                }
            }
        }
        throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    /** Splits at commas that are not escaped. */
    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        return terms;
    }

    private static String unescape(String value) {
        StringBuilder result = new StringBuilder(value.length());
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\" + c);
                }
                result.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                // upstream prints the rune as its code point
                throw new IllegalArgumentException("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                result.append(c);
            }
        }
        if (escaped) {
            throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\");
        }
        return result.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    /** Whether an object whose field values {@code fieldValue} returns (null for absent) satisfies every term. */
    public boolean matches(Function<String, String> fieldValue) {
        return requirements.stream().allMatch(requirement -> requirement.matches(fieldValue));
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean isEverything() {
        return requirements.isEmpty();
    }

    /**
     * Rejects fields the resource does not support.
     *
     * @throws IllegalArgumentException {@code field label not supported: <field>} for the first unsupported field
     */
    public void requireSupported(Collection<String> supportedFields) {
        for (Requirement requirement : requirements) {
            if (!supportedFields.contains(requirement.field())) {
                throw new IllegalArgumentException("field label not supported: " + requirement.field());
            }
        }
    }

    /** The canonical form, e.g. {@code metadata.name=web,spec.nodeName!=n1}. */
    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }
}
