package io.kube4j.api.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.api.resource.GroupVersionKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Derives OpenAPI v3 schema definitions from fabric8 model classes by reading their
 * {@code @JsonProperty} fields, naming them like upstream and adding upstream's patch metadata.
 * References use {@link SchemaNames#V3_REF_PREFIX}.
 */
final class ModelSchemaDeriver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Fields that upstream types as {@code metav1.Time}/{@code MicroTime} but fabric8 as String
     * (a map of them for PodDisruptionBudgetStatus.disruptedPods).
     */
    private static final Set<String> TIMESTAMP_FIELDS = Set.of(
            "creationTimestamp", "deletionTimestamp", "time", "lastTransitionTime", "lastProbeTime",
            "lastHeartbeatTime", "lastUpdateTime", "lastTimestamp", "firstTimestamp", "eventTime",
            "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "lastObservedTime", "startTime", "startedAt",
            "finishedAt", "completionTime", "lastScheduleTime", "lastSuccessfulTime", "lastScaleTime",
            "acquireTime", "renewTime", "evictionTime", "lastPhaseTransitionTime", "timeAdded", "disruptedPods");

    private final PatchStrategies patchStrategies;
    private final RequiredFields requiredFields = RequiredFields.load();
    private final Map<Class<?>, List<GroupVersionKind>> kinds;
    private final Map<String, ObjectNode> definitions = new TreeMap<>();
    private final Map<String, Class<?>> definedBy = new HashMap<>();

    private ModelSchemaDeriver(PatchStrategies patchStrategies, Map<Class<?>, List<GroupVersionKind>> kinds) {
        this.patchStrategies = patchStrategies;
        this.kinds = kinds;
    }

    /**
     * The definitions of {@code roots} and of every model class they reach, by definition name.
     * Classes in {@code kinds} carry {@code x-kubernetes-group-version-kind}.
     */
    static Map<String, ObjectNode> derive(Collection<Class<?>> roots, Map<Class<?>, List<GroupVersionKind>> kinds,
            PatchStrategies patchStrategies) {
        ModelSchemaDeriver deriver = new ModelSchemaDeriver(patchStrategies, kinds);
        roots.forEach(deriver::define);
        return deriver.definitions;
    }

    private String define(Class<?> modelClass) {
        String name = SchemaNames.forClass(modelClass);
        Class<?> previous = definedBy.putIfAbsent(name, modelClass);
        if (previous != null) {
            if (previous != modelClass) {
                throw new IllegalStateException(previous.getName() + " and " + modelClass.getName()
                        + " both map to schema " + name);
            }
            return name; // already derived, or being derived further up a recursive type
        }
        definitions.put(name, classSchema(modelClass, name));
        return name;
    }

    private ObjectNode classSchema(Class<?> modelClass, String name) {
        if (modelClass == IntOrString.class) {
            return NODES.objectNode().put("format", "int-or-string").set("oneOf", oneOfTypes("integer", "string"));
        }
        if (modelClass == Quantity.class) {
            return NODES.objectNode().set("oneOf", oneOfTypes("string", "number"));
        }
        List<Field> fields = jsonFields(modelClass);
        if (fields.isEmpty() || hasCustomSerializer(modelClass)) {
            // Opaque to us: e.g. FieldsV1, or JSONSchemaPropsOrArray whose JSON form is schema-or-list.
            return preserveUnknownFields(NODES.objectNode().put("type", "object"));
        }
        ObjectNode properties = NODES.objectNode();
        new TreeMap<>(byJsonName(fields)).forEach((jsonName, field) ->
                properties.set(jsonName, propertySchema(name, jsonName, field.getGenericType())));
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.set("properties", properties);
        List<String> required = requiredFields.of(name);
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        List<GroupVersionKind> gvks = kinds.get(modelClass);
        if (gvks != null) {
            schema.set("x-kubernetes-group-version-kind", groupVersionKinds(gvks));
        }
        return schema;
    }

    private ObjectNode propertySchema(String definition, String jsonName, Type type) {
        ObjectNode schema = typeSchema(type, jsonName);
        PatchStrategies.Entry patch = patchStrategies.lookup(definition, jsonName);
        if (patch == null) {
            return schema;
        }
        if (schema.has("$ref")) {
            // OpenAPI v3 ignores siblings of $ref, so extensions go next to an allOf.
            ObjectNode wrapper = NODES.objectNode();
            wrapper.putArray("allOf").add(schema);
            schema = wrapper;
        }
        if (patch.mergeKey() != null) {
            schema.put("x-kubernetes-patch-merge-key", patch.mergeKey());
        }
        return schema.put("x-kubernetes-patch-strategy", patch.strategy());
    }

    private ObjectNode typeSchema(Type type, String jsonName) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", typeSchema(arguments[0], jsonName));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", typeSchema(arguments[1], jsonName));
                return map;
            }
        }
        if (type instanceof Class<?> c) {
            ObjectNode scalar = scalarSchema(c, jsonName);
            if (scalar != null) {
                return scalar;
            }
            if (c.getName().startsWith("io.fabric8.kubernetes.api.model")) {
                return NODES.objectNode().put("$ref", SchemaNames.ref(define(c)));
            }
        }
        throw new IllegalArgumentException("no schema mapping for Java type " + type.getTypeName()
                + " of field " + jsonName);
    }

    private static ObjectNode scalarSchema(Class<?> c, String jsonName) {
        if (c == String.class) {
            return TIMESTAMP_FIELDS.contains(jsonName) ? dateTime() : NODES.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == int.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == Boolean.class || c == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (c == MicroTime.class || c == ZonedDateTime.class || c == OffsetDateTime.class || c == Instant.class) {
            return dateTime();
        }
        // fabric8 8 types free-form JSON (e.g. JSONSchemaProps.default) with Jackson 3's JsonNode.
        if (c == Object.class || c.getName().equals("tools.jackson.databind.JsonNode")) {
            return preserveUnknownFields(NODES.objectNode());
        }
        return null;
    }

    private static ObjectNode dateTime() {
        return NODES.objectNode().put("type", "string").put("format", "date-time");
    }

    private static ObjectNode preserveUnknownFields(ObjectNode schema) {
        return schema.put("x-kubernetes-preserve-unknown-fields", true);
    }

    private static ArrayNode oneOfTypes(String... types) {
        ArrayNode oneOf = NODES.arrayNode();
        for (String type : types) {
            oneOf.addObject().put("type", type);
        }
        return oneOf;
    }

    private static ArrayNode groupVersionKinds(List<GroupVersionKind> gvks) {
        ArrayNode array = NODES.arrayNode();
        for (GroupVersionKind gvk : gvks) {
            array.addObject().put("group", gvk.group()).put("kind", gvk.kind()).put("version", gvk.version());
        }
        return array;
    }

    /** fabric8 8 models carry Jackson 3 databind annotations (their field annotations are shared with Jackson 2). */
    private static boolean hasCustomSerializer(Class<?> modelClass) {
        tools.jackson.databind.annotation.JsonSerialize serialize =
                modelClass.getAnnotation(tools.jackson.databind.annotation.JsonSerialize.class);
        return serialize != null && serialize.using() != tools.jackson.databind.ValueSerializer.None.class;
    }

    /** The serialized fields of a model class and its superclasses, skipping {@code additionalProperties}. */
    private static List<Field> jsonFields(Class<?> modelClass) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = modelClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(JsonProperty.class)
                        && !field.isAnnotationPresent(JsonIgnore.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Map<String, Field> byJsonName(List<Field> fields) {
        Map<String, Field> named = new HashMap<>();
        for (Field field : fields) {
            String value = field.getAnnotation(JsonProperty.class).value();
            named.putIfAbsent(value.isEmpty() ? field.getName() : value, field);
        }
        return named;
    }
}
