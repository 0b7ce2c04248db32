package io.kube4j.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        return walk(schema, object, false);
    }

    /**
     * Removes the unknown fields from {@code object}, as upstream's decoder drops them when field
     * validation is not Strict; returns their paths.
     */
    public static List<String> prune(TypeSchema schema, ObjectNode object) {
        return walk(schema, object, true);
    }

    private static List<String> walk(TypeSchema schema, JsonNode object, boolean prune) {
        List<String> unknown = new ArrayList<>();
        if (schema.type() == TypeSchema.Type.OBJECT && object.isObject()) {
            for (String name : names(object)) {
                if (!TYPE_FIELDS.contains(name)) {
                    visitField(schema, (ObjectNode) object, name, "", unknown, prune);
                }
            }
        }
        return unknown;
    }

    private static void visit(TypeSchema schema, JsonNode value, String path, List<String> unknown, boolean prune) {
        switch (schema.type()) {
            case OBJECT -> {
                if (value.isObject()) {
                    for (String name : names(value)) {
                        visitField(schema, (ObjectNode) value, name, path, unknown, prune);
                    }
                }
            }
            case MAP -> {
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : value.properties()) {
                        visit(schema.elements(), entry.getValue(), child(path, entry.getKey()), unknown, prune);
                    }
                }
            }
            case ARRAY -> {
                for (int i = 0; i < value.size() && value.isArray(); i++) {
                    visit(schema.elements(), value.get(i), path + "[" + i + "]", unknown, prune);
                }
            }
            default -> {
                // scalars have no fields; ANY accepts whatever it holds
            }
        }
    }

    private static void visitField(TypeSchema object, ObjectNode parent, String name, String path, List<String> unknown,
                                   boolean prune) {
        TypeSchema field = object.property(name);
        if (field == null) {
            unknown.add(child(path, name));
            if (prune) {
                parent.remove(name);
            }
        } else {
            visit(field, parent.get(name), child(path, name), unknown, prune);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
