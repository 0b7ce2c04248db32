package io.kube4j.api.openapi;

import io.kube4j.api.schema.SchemaNames;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where OpenAPI 3.0 and Swagger 2.0 differ in the pieces of a document that we write. */
enum OpenApiFlavor {
    V3("#/components/schemas/") {
        @Override
        ObjectNode parameter(String name, String in, String type, boolean required, String description) {
            ObjectNode parameter = header(name, in, required, description);
            parameter.putObject("schema").put("type", type).put("uniqueItems", true);
            return parameter;
        }

        @Override
        void requestBody(ObjectNode operation, JsonNode schema, List<String> mediaTypes) {
            ObjectNode body = operation.putObject("requestBody");
            ObjectNode content = body.putObject("content");
            mediaTypes.forEach(type -> content.putObject(type).set("schema", schema));
            body.put("required", true);
        }

        @Override
        void response(ObjectNode responses, String code, String description, JsonNode schema) {
            ObjectNode response = responses.putObject(code).put("description", description);
            if (schema != null) {
                ObjectNode content = response.putObject("content");
                RESPONSE_TYPES.forEach(type -> content.putObject(type).set("schema", schema));
            }
        }

        @Override
        JsonNode schema(String name, JsonNode definition) {
            return definition;
        }
    },

    V2("#/definitions/") {
        @Override
        ObjectNode parameter(String name, String in, String type, boolean required, String description) {
            return header(name, in, required, description).put("type", type).put("uniqueItems", true);
        }

        @Override
        void requestBody(ObjectNode operation, JsonNode schema, List<String> mediaTypes) {
            ArrayNode consumes = operation.putArray("consumes");
            mediaTypes.forEach(consumes::add);
            ObjectNode body = ((ArrayNode) operation.get("parameters")).addObject();
            body.put("name", "body").put("in", "body").put("required", true).set("schema", schema);
        }

        @Override
        void response(ObjectNode responses, String code, String description, JsonNode schema) {
            ObjectNode response = responses.putObject(code).put("description", description);
            if (schema != null) {
                response.set("schema", schema);
            }
        }

        /** Swagger 2.0 has no oneOf/anyOf/not/nullable and allows siblings next to {@code $ref}. */
        @Override
        JsonNode schema(String name, JsonNode definition) {
            JsonNode special = V2_SCALARS.get(name);
            return special != null ? special.deepCopy() : toV2(definition);
        }

        private JsonNode toV2(JsonNode schema) {
            ObjectNode converted = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : schema.properties()) {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "properties" -> {
                        ObjectNode properties = converted.putObject("properties");
                        value.properties().forEach(p -> properties.set(p.getKey(), toV2(p.getValue())));
                    }
                    case "items", "additionalProperties" -> converted.set(field.getKey(), value.isObject() ? toV2(value) : value);
                    case "$ref" -> converted.put("$ref", V2.refPrefix + SchemaNames.fromRef(value.asText()));
                    case "allOf" -> {
                        if (value.size() == 1 && value.get(0).has("$ref")) {
                            converted.setAll((ObjectNode) toV2(value.get(0)));
                        } else {
                            ArrayNode allOf = converted.putArray("allOf");
                            value.forEach(part -> allOf.add(toV2(part)));
                        }
                    }
                    case "oneOf", "anyOf", "not", "nullable" -> { }
                    default -> converted.set(field.getKey(), value);
                }
            }
            return converted;
        }
    };

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> RESPONSE_TYPES = List.of("application/json", "application/yaml");
    /** Upstream's v2 forms of the types that are string-or-something in v3. */
    private static final Map<String, JsonNode> V2_SCALARS = Map.of(
            SchemaNames.QUANTITY, NODES.objectNode().put("type", "string"),
            SchemaNames.INT_OR_STRING, NODES.objectNode().put("type", "string").put("format", "int-or-string"));

    private final String refPrefix;

    OpenApiFlavor(String refPrefix) {
        this.refPrefix = refPrefix;
    }

    ObjectNode ref(String definition) {
        return NODES.objectNode().put("$ref", refPrefix + definition);
    }

    /** A string, integer or boolean parameter. */
    abstract ObjectNode parameter(String name, String in, String type, boolean required, String description);

    abstract void requestBody(ObjectNode operation, JsonNode schema, List<String> mediaTypes);

    /** Adds a response; {@code schema} may be null for responses without a body. */
    abstract void response(ObjectNode responses, String code, String description, JsonNode schema);

    /** A definition, derived in OpenAPI v3 form, as this flavor writes it. */
    abstract JsonNode schema(String name, JsonNode definition);

    private static ObjectNode header(String name, String in, boolean required, String description) {
        ObjectNode parameter = NODES.objectNode().put("name", name).put("in", in).put("description", description);
        return required ? parameter.put("required", true) : parameter;
    }
}
