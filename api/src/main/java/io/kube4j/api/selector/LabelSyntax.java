package io.kube4j.api.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The label key and value syntax a selector must respect, with the error wording of the 1.32
 * apiserver ({@code field.Invalid} rendered as {@code <path>: Invalid value: "<v>": <detail>}).
 */
final class LabelSyntax {

    private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
    private static final Pattern VALUE = Pattern.compile("(" + NAME_FORMAT + ")?");
    private static final String SUBDOMAIN_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
    private static final String NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must "
            + "start and end with an alphanumeric character";
    private static final int MAX_LENGTH = 63;

    private LabelSyntax() {
    }

    /** Null if {@code key} is a valid label key, else the error for the field at {@code path}. */
    static String keyError(String path, String key) {
        List<String> problems = keyProblems(key);
        return problems.isEmpty() ? null : invalid(path, key, String.join("; ", problems));
    }

    /** Null if {@code value} is a valid label value, else the error for the field at {@code path}. */
    static String valueError(String path, String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > MAX_LENGTH) {
            problems.add(tooLong(MAX_LENGTH));
        }
        if (!VALUE.matcher(value).matches()) {
            problems.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, "
                    + "'-', '_' or '.', and must start and end with an alphanumeric character",
                    "(" + NAME_FORMAT + ")?", "MyValue", "my_value", "12345"));
        }
        return problems.isEmpty() ? null : invalid(path, value, String.join("; ", problems));
    }

    static String invalid(String path, String value, String detail) {
        return path + ": Invalid value: " + quote(value) + ": " + detail;
    }

    private static List<String> keyProblems(String key) {
        List<String> problems = new ArrayList<>();
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            problems.add("a qualified name " + regexError(NAME_MESSAGE, NAME_FORMAT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                if (prefix.length() > 253) {
                    problems.add("prefix part " + tooLong(253));
                }
                if (!SUBDOMAIN.matcher(prefix).matches()) {
                    problems.add("prefix part " + regexError("a lowercase RFC 1123 subdomain must consist of lower "
                            + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
                            + "character", SUBDOMAIN_FORMAT, "example.com"));
                }
            }
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > MAX_LENGTH) {
            problems.add("name part " + tooLong(MAX_LENGTH));
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("name part " + regexError(NAME_MESSAGE, NAME_FORMAT, "MyName", "my.name", "123-abc"));
        }
        return problems;
    }

    private static String tooLong(int max) {
        return "must be no more than " + max + " characters";
    }

    /** Upstream's RegexError, including its double space between examples. */
    private static String regexError(String message, String format, String... examples) {
        StringBuilder text = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                text.append(" or ");
            }
            text.append('\'').append(examples[i]).append("', ");
        }
        return text.append("regex used for validation is '").append(format).append("')").toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
