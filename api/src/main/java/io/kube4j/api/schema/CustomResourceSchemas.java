package io.kube4j.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Completes a CRD's {@code openAPIV3Schema} the way the API server publishes it: the root and every
 * {@code x-kubernetes-embedded-resource} get {@code apiVersion}, {@code kind} and an ObjectMeta
 * {@code metadata}, which CRD authors leave implicit.
 */
public final class CustomResourceSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CustomResourceSchemas() {
    }

    /**
     * A completed copy of {@code openAPIV3Schema}; a missing schema (null or not an object) accepts
     * any fields. References use {@link SchemaNames#V3_REF_PREFIX}.
     */
    public static ObjectNode complete(JsonNode openAPIV3Schema) {
        ObjectNode root = openAPIV3Schema != null && openAPIV3Schema.isObject()
                ? (ObjectNode) openAPIV3Schema.deepCopy()
                : NODES.objectNode().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        addEmbeddedResourceFields(root);
        addResourceFields(root);
        return root;
    }

    private static void addEmbeddedResourceFields(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        schema.path("properties").forEach(CustomResourceSchemas::addEmbeddedResourceFields);
        addEmbeddedResourceFields(schema.path("items"));
        addEmbeddedResourceFields(schema.path("additionalProperties"));
        if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            addResourceFields((ObjectNode) schema);
        }
    }

    /** Metadata is always ObjectMeta: the server prunes and validates it as such, whatever is declared. */
    private static void addResourceFields(ObjectNode schema) {
        schema.put("type", "object");
        ObjectNode properties = schema.get("properties") instanceof ObjectNode declared
                ? declared
                : schema.putObject("properties");
        properties.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
        properties.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
        properties.set("metadata", NODES.objectNode().put("$ref", SchemaNames.ref(SchemaNames.OBJECT_META)));
    }
}
