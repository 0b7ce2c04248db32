package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Upstream's rules for label keys and values and annotation keys. */
public final class LabelRules {
    private static final String NAME_REGEX = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern NAME = Pattern.compile(NAME_REGEX);
    private static final String NAME_MESSAGE = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
            + "for validation is '" + NAME_REGEX + "')";
    private static final String VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
            + "'my_value',  or '12345', regex used for validation is '(" + NAME_REGEX + ")?')";
    private static final long ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private LabelRules() {
    }

    public static void checkLabels(JsonNode labels, String path, List<FieldError> errors) {
        if (labels == null || labels.isNull() || labels.isMissingNode()) {
            return;
        }
        if (!labels.isObject()) {
            errors.add(FieldError.invalid(path, labels.toString(), "must be a map of strings"));
            return;
        }
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            checkKey(e.getKey(), path, errors);
            String value = e.getValue().asText();
            if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
                errors.add(FieldError.invalid(path, value, value.length() > 63
                        ? "must be no more than 63 characters" : VALUE_MESSAGE));
            }
        }
    }

    public static void checkAnnotations(JsonNode annotations, String path, List<FieldError> errors) {
        if (annotations == null || !annotations.isObject()) {
            return;
        }
        long size = 0;
        for (Map.Entry<String, JsonNode> e : annotations.properties()) {
            checkKey(e.getKey(), path, errors);
            size += e.getKey().length() + e.getValue().asText().length();
        }
        if (size > ANNOTATIONS_MAX_BYTES) {
            errors.add(new FieldError(FieldError.Type.INVALID, path, "", "must have at most " + ANNOTATIONS_MAX_BYTES + " bytes"));
        }
    }

    /** A qualified name: optional DNS subdomain prefix, '/', and a name part of at most 63 characters. */
    public static void checkKey(String key, String path, List<FieldError> errors) {
        String name = key;
        int slash = key.indexOf('/');
        List<String> problems = new ArrayList<>();
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                NameRule.SUBDOMAIN.check(prefix).forEach(p -> problems.add("prefix part " + p));
            }
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > 63) {
            problems.add("name part must be no more than 63 characters");
        } else if (!NAME.matcher(name).matches()) {
            problems.add(NAME_MESSAGE);
        }
        for (String p : problems) {
            errors.add(FieldError.invalid(path, key, p));
        }
    }
}
