package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.NameRule;
import java.util.List;
import java.util.regex.Pattern;

/** Field checks shared by the kinds, each adding upstream's error to {@code errors}. */
final class Checks {
    static final String IMMUTABLE = "field is immutable";
    private static final Pattern IANA_ALLOWED = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    private Checks() {
    }

    /** {@code field} of {@code parent}, if set, is an integer of at least 0. */
    static void nonNegative(JsonNode parent, String field, String path, List<FieldError> errors) {
        JsonNode value = parent.get(field);
        if (value != null && value.isNumber() && value.asLong() < 0) {
            errors.add(FieldError.invalid(path, value.asLong(), "must be greater than or equal to 0"));
        }
    }

    /** {@code field} of {@code parent}, if set, is an integer above 0. */
    static void positive(JsonNode parent, String field, String path, List<FieldError> errors) {
        JsonNode value = parent.get(field);
        if (value != null && value.isNumber() && value.asLong() <= 0) {
            errors.add(FieldError.invalid(path, value.asLong(), "must be greater than zero"));
        }
    }

    /** {@code field} of {@code parent} is one of {@code supported}; absent is an error only if required. */
    static void oneOf(JsonNode parent, String field, String path, List<String> supported, boolean required,
                      List<FieldError> errors) {
        String value = Trees.text(parent, field);
        if (value == null) {
            if (required) {
                errors.add(FieldError.required(path, ""));
            }
        } else if (!supported.contains(value)) {
            errors.add(FieldError.notSupported(path, value, supported));
        }
    }

    static void required(JsonNode parent, String field, String path, List<FieldError> errors) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isContainerNode() && value.isEmpty()) {
            errors.add(FieldError.required(path, ""));
        }
    }

    static void portNumber(long port, String path, List<FieldError> errors) {
        if (port < 1 || port > 65535) {
            errors.add(FieldError.invalid(path, port, "must be between 1 and 65535, inclusive"));
        }
    }

    static void dnsLabel(String value, String path, List<FieldError> errors) {
        NameRule.LABEL.check(value).forEach(p -> errors.add(FieldError.invalid(path, value, p)));
    }

    /** A port name as IANA service names are defined (RFC 6335). */
    static void ianaServiceName(String name, String path, List<FieldError> errors) {
        String problem = null;
        if (name.length() > 15) {
            problem = "must be no more than 15 characters";
        } else if (!IANA_ALLOWED.matcher(name).matches()) {
            problem = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        } else if (name.contains("--")) {
            problem = "must not contain consecutive hyphens";
        } else if (!HAS_LETTER.matcher(name).matches()) {
            problem = "must contain at least one letter (a-z)";
        } else if (name.startsWith("-") || name.endsWith("-")) {
            problem = "must not begin or end with a hyphen";
        }
        if (problem != null) {
            errors.add(FieldError.invalid(path, name, problem));
        }
    }

    /** An int-or-string that must be a non-negative integer or a percentage up to 100%. */
    static void intOrPercent(JsonNode value, String path, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isNumber()) {
            if (value.asLong() < 0) {
                errors.add(FieldError.invalid(path, value.asLong(), "must be greater than or equal to 0"));
            }
        } else if (!PERCENT.matcher(value.asText()).matches()) {
            errors.add(FieldError.invalid(path, value.asText(), "a valid percent string must be a numeric string "
                    + "followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
        } else if (Long.parseLong(value.asText().substring(0, value.asText().length() - 1)) > 100) {
            errors.add(FieldError.invalid(path, value.asText(), "must not be greater than 100%"));
        }
    }

    /** {@code field} must not differ between the new and the old object. */
    static void immutable(JsonNode parent, JsonNode oldParent, String field, String path, Object shown,
                          List<FieldError> errors) {
        if (!Trees.sameTree(parent.get(field), oldParent.get(field))) {
            errors.add(FieldError.invalid(path, shown, IMMUTABLE));
        }
    }

    /** Whether an int-or-string is zero ({@code 0} or {@code "0%"}). */
    static boolean isZero(JsonNode value) {
        return value != null && (value.isNumber() ? value.asLong() == 0 : value.asText().matches("0+%"));
    }
}
