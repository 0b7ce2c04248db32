package io.kube4j.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the fields of an object that its schema does not declare, for {@code fieldValidation}
 * (Strict rejects them, Warn reports them). Paths are printed as upstream's strict decoder does:
 * {@code spec.x}, {@code spec.containers[0].foo}.
 */
public final class UnknownFields {
    /** Every object has these, whether or not its schema lists them. */
    private static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind");

    private UnknownFields() {
    }

    /** The dotted paths of unknown fields in document order; empty when all are known. */
    public static List<String> find(TypeSchema schema, JsonNode object) {
        List<String> unknown = new ArrayList<>();
        if (schema.type() == TypeSchema.Type.OBJECT && object.isObject()) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!TYPE_FIELDS.contains(field.getKey())) {
                    visitField(schema, field.getKey(), field.getValue(), "", unknown);
                }
            }
        }
        return unknown;
    }

    private static void visit(TypeSchema schema, JsonNode value, String path, List<String> unknown) {
        switch (schema.type()) {
            case OBJECT -> {
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> field : value.properties()) {
                        visitField(schema, field.getKey(), field.getValue(), path, unknown);
                    }
                }
            }
            case MAP -> {
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : value.properties()) {
                        visit(schema.elements(), entry.getValue(), child(path, entry.getKey()), unknown);
                    }
                }
            }
            case ARRAY -> {
                for (int i = 0; i < value.size() && value.isArray(); i++) {
                    visit(schema.elements(), value.get(i), path + "[" + i + "]", unknown);
                }
            }
            default -> {
                // scalars have no fields; ANY accepts whatever it holds
            }
        }
    }

    private static void visitField(TypeSchema object, String name, JsonNode value, String path, List<String> unknown) {
        TypeSchema field = object.property(name);
        if (field == null) {
            unknown.add(child(path, name));
        } else {
            visit(field, value, child(path, name), unknown);
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
