package io.kube4j.api.schema;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A {@link TypeSchema} read from an OpenAPI v3 schema node: our derived definitions or a CRD's
 * {@code openAPIV3Schema}. Children are read lazily and memoized, so recursive schemas cost
 * nothing up front. {@link Type#ANY} accepts anything: its properties and elements are ANY too.
 */
final class JsonNodeTypeSchema implements TypeSchema {
    static final TypeSchema ANY = new JsonNodeTypeSchema(
            JsonNodeFactory.instance.objectNode().put("x-kubernetes-preserve-unknown-fields", true),
            JsonNodeFactory.instance.objectNode(), Definitions.NONE);

    private final JsonNode shape;
    private final Definitions definitions;
    private final Type type;
    private final boolean preserveUnknownFields;
    private final String patchStrategy;
    private final String patchMergeKey;
    private final ConcurrentMap<String, TypeSchema> properties = new ConcurrentHashMap<>();
    private volatile TypeSchema elements;

    /**
     * @param shape the node describing the value (a definition when {@code field} was a reference)
     * @param field the node where the field was declared, which carries its patch metadata
     */
    private JsonNodeTypeSchema(JsonNode shape, JsonNode field, Definitions definitions) {
        this.shape = shape;
        this.definitions = definitions;
        this.type = typeOf(shape);
        this.preserveUnknownFields = shape.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        String strategy = field.path("x-kubernetes-patch-strategy").asText(null);
        String mergeKey = field.path("x-kubernetes-patch-merge-key").asText(null);
        if (strategy == null && type == Type.ARRAY) {
            // CRDs declare list semantics instead: a map list merges by its key, a set merges values.
            switch (field.path("x-kubernetes-list-type").asText("")) {
                case "map" -> {
                    strategy = "merge";
                    mergeKey = field.path("x-kubernetes-list-map-keys").path(0).asText(null);
                }
                case "set" -> strategy = "merge";
                default -> { }
            }
        }
        this.patchStrategy = strategy;
        this.patchMergeKey = mergeKey;
    }

    static TypeSchema forDefinition(JsonNode definition, Definitions definitions) {
        return new JsonNodeTypeSchema(definition, definition, definitions);
    }

    /** The schema of a node that may be a {@code $ref} (or an {@code allOf} of one) with its own patch metadata. */
    static TypeSchema of(JsonNode node, Definitions definitions) {
        String referenced = referencedName(node);
        if (referenced == null) {
            return new JsonNodeTypeSchema(node, node, definitions);
        }
        if (!node.has("x-kubernetes-patch-strategy") && !node.has("x-kubernetes-list-type")) {
            return definitions.named(referenced);
        }
        return new JsonNodeTypeSchema(definitions.definition(referenced), node, definitions);
    }

    private static String referencedName(JsonNode node) {
        JsonNode ref = node.get("$ref");
        JsonNode allOf = node.get("allOf");
        if (ref == null && allOf != null && allOf.size() == 1) {
            ref = allOf.get(0).get("$ref");
        }
        return ref == null ? null : SchemaNames.fromRef(ref.asText());
    }

    private static Type typeOf(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(schema.path("format").asText(null))) {
            return Type.INT_OR_STRING;
        }
        return switch (schema.path("type").asText("")) {
            case "object" -> objectType(schema);
            case "array" -> Type.ARRAY;
            case "string" -> Type.STRING;
            case "integer" -> Type.INTEGER;
            case "number" -> Type.NUMBER;
            case "boolean" -> Type.BOOLEAN;
            default -> untypedType(schema);
        };
    }

    private static Type objectType(JsonNode schema) {
        if (!schema.path("properties").isEmpty()) {
            return Type.OBJECT;
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && (additional.isObject() || additional.asBoolean(false))) {
            return Type.MAP;
        }
        // A closed object without properties accepts only {} (CRD pruning semantics).
        return schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) ? Type.ANY : Type.OBJECT;
    }

    private static Type untypedType(JsonNode schema) {
        if (isStringOrNumber(schema.path("oneOf"))) {
            return Type.QUANTITY;
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return objectType(schema);
        }
        return schema.has("items") ? Type.ARRAY : Type.ANY;
    }

    private static boolean isStringOrNumber(JsonNode oneOf) {
        Set<String> types = new TreeSet<>();
        oneOf.forEach(alternative -> types.add(alternative.path("type").asText("")));
        return types.equals(Set.of("number", "string"));
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public TypeSchema property(String name) {
        if (type == Type.ANY) {
            return this;
        }
        if (type != Type.OBJECT) {
            return null;
        }
        JsonNode declared = shape.path("properties").get(name);
        if (declared == null) {
            return preserveUnknownFields ? ANY : null;
        }
        return properties.computeIfAbsent(name, n -> of(declared, definitions));
    }

    @Override
    public Set<String> propertyNames() {
        if (type != Type.OBJECT) {
            return Set.of();
        }
        return Collections.unmodifiableSet(namesOf(shape.path("properties")));
    }

    @Override
    public TypeSchema elements() {
        if (type == Type.ANY) {
            return this;
        }
        if (type != Type.ARRAY && type != Type.MAP) {
            return null;
        }
        TypeSchema result = elements;
        if (result == null) {
            JsonNode node = shape.get(type == Type.ARRAY ? "items" : "additionalProperties");
            result = node != null && node.isObject() ? of(node, definitions) : ANY;
            elements = result;
        }
        return result;
    }

    @Override
    public String patchStrategy() {
        return patchStrategy;
    }

    @Override
    public String patchMergeKey() {
        return patchMergeKey;
    }

    @Override
    public String toString() {
        return type + (patchStrategy == null ? "" : " patchStrategy=" + patchStrategy)
                + (patchMergeKey == null ? "" : " mergeKey=" + patchMergeKey);
    }

    private static Set<String> namesOf(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
