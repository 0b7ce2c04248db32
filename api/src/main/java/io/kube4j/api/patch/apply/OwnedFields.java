package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.patch.SchemaPaths;
import io.kube4j.api.schema.TypeSchema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields an applied configuration sets, which its manager comes to own: every scalar, atomic
 * list, empty object and null it contains, every entry of a map, and every element of an associative
 * list or set. Identity and bookkeeping fields of the object are never owned.
 */
final class OwnedFields {

    /** Paths nobody owns (upstream's "strip meta" set); removed by exact match. */
    private static final FieldSet IDENTITY_FIELDS = FieldSet.of(List.of(
            List.of("f:apiVersion"), List.of("f:kind"), List.of("f:metadata"),
            List.of("f:metadata", "f:name"), List.of("f:metadata", "f:namespace"),
            List.of("f:metadata", "f:creationTimestamp"), List.of("f:metadata", "f:selfLink"),
            List.of("f:metadata", "f:uid"), List.of("f:metadata", "f:clusterName"),
            List.of("f:metadata", "f:generation"), List.of("f:metadata", "f:managedFields"),
            List.of("f:metadata", "f:resourceVersion")));

    private final Set<List<String>> paths = new LinkedHashSet<>();

    private OwnedFields() {
    }

    static FieldSet of(JsonNode object, TypeSchema schema) {
        OwnedFields walker = new OwnedFields();
        walker.walkObject(object, schema, List.of());
        return withoutIdentityFields(FieldSet.of(walker.paths));
    }

    static FieldSet withoutIdentityFields(FieldSet fields) {
        return fields.difference(IDENTITY_FIELDS);
    }

    private void walkObject(JsonNode object, TypeSchema schema, List<String> path) {
        boolean map = schema != null && schema.type() == TypeSchema.Type.MAP;
        object.properties().forEach(field -> {
            List<String> fieldPath = append(path, PathElements.field(field.getKey()));
            JsonNode value = field.getValue();
            walkValue(value, SchemaPaths.child(schema, field.getKey()), fieldPath);
            if (map || (value.isObject() && value.isEmpty())) {
                paths.add(fieldPath);
            }
        });
    }

    private void walkValue(JsonNode value, TypeSchema schema, List<String> path) {
        if (value.isObject()) {
            walkObject(value, schema, path);
        } else if (value.isArray() && !ListShape.of(schema).atomic()) {
            ListShape shape = ListShape.of(schema);
            for (JsonNode item : value) {
                List<String> itemPath = append(path, shape.elementOf(item));
                paths.add(itemPath);
                if (item.isObject()) {
                    walkObject(item, shape.elements(), itemPath);
                }
            }
        } else {
            paths.add(path);
        }
    }

    static List<String> append(List<String> path, String element) {
        List<String> result = new ArrayList<>(path.size() + 1);
        result.addAll(path);
        result.add(element);
        return List.copyOf(result);
    }
}
