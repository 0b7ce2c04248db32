package io.kube4j.apiserver.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The naming rules of upstream's validation, with its exact messages. */
public enum NameRule {
    SUBDOMAIN(253, "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
                    + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '%s')"),
    LABEL(63, "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
                    + "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '%s')"),
    DNS1035(63, "[a-z]([-a-z0-9]*[a-z0-9])?",
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                    + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
                    + "validation is '%s')"),
    /** Anything usable as one URL path segment (RBAC roles such as {@code system:controller:x}). */
    PATH_SEGMENT(Integer.MAX_VALUE, "[^/%]+", "may not contain '/' or '%%'");

    private final int maxLength;
    private final Pattern pattern;
    private final String message;

    NameRule(int maxLength, String regex, String message) {
        this.maxLength = maxLength;
        this.pattern = Pattern.compile(regex);
        this.message = message.formatted(regex);
    }

    /** Problems with {@code name}, each worded as upstream reports it; empty if valid. */
    public List<String> check(String name) {
        List<String> problems = new ArrayList<>();
        if (name.length() > maxLength) {
            problems.add("must be no more than " + maxLength + " characters");
        }
        if (!pattern.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            problems.add(message);
        }
        return problems;
    }
}
