package io.kube4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads {@code status.conditions} of objects printed with {@code -o json}. */
final class Conditions {
    private Conditions() {
    }

    /** The object's condition of {@code type}, or a missing node when it has none. */
    static JsonNode of(JsonNode object, String type) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return MissingNode.getInstance();
    }
}
