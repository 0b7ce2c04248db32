package io.kube4j.api.resource;

import java.util.List;

/** A subresource such as {@code pods/status}; {@code kind} is what it accepts and returns. */
public record Subresource(String name, GroupVersionKind kind, List<String> verbs) {
}
