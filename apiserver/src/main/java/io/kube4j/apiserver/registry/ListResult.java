package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A page of a list: the items, the revision it reflects and the token for the next page (or null). */
public record ListResult(List<ObjectNode> items, long resourceVersion, String continueToken) {
}
