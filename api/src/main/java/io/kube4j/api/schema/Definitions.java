package io.kube4j.api.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import com.fasterxml.jackson.databind.JsonNode;

/** Named schema definitions that {@code $ref}s resolve against, each read as a TypeSchema once. */
final class Definitions {
    static final Definitions NONE = new Definitions(Map.of());

    private final Map<String, ? extends JsonNode> nodes;
    private final ConcurrentMap<String, TypeSchema> named = new ConcurrentHashMap<>();

    Definitions(Map<String, ? extends JsonNode> nodes) {
        this.nodes = nodes;
    }

    JsonNode definition(String name) {
        JsonNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalStateException("unresolvable schema reference " + name);
        }
        return node;
    }

    /** The shared TypeSchema of a definition; recursive types get the same instance back. */
    TypeSchema named(String name) {
        return named.computeIfAbsent(name, n -> JsonNodeTypeSchema.forDefinition(definition(n), this));
    }
}
