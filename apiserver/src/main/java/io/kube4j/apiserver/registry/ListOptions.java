package io.kube4j.apiserver.registry;

import io.kube4j.api.selector.FieldSelector;
import io.kube4j.api.selector.LabelSelector;

/**
 * The query of a list or watch. {@code resourceVersion} as the client sent it ("" = most recent,
 * "0" = any); {@code limit} 0 = unlimited.
 */
public record ListOptions(LabelSelector labels, FieldSelector fields, int limit, String continueToken,
                          String resourceVersion) {
    public static final ListOptions ALL = new ListOptions(null, null, 0, null, "");
}
