package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.TypeSchema;
import io.kube4j.api.schema.UnknownFields;
import io.kube4j.apiserver.registry.ApiException;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side field validation ({@code fieldValidation=Strict|Warn|Ignore}, default Warn): unknown
 * fields are refused with 400 under Strict and reported as warnings under Warn, as upstream does.
 */
public final class FieldValidation {
    private final Function<ResourceType, TypeSchema> schemas;

    public FieldValidation(Function<ResourceType, TypeSchema> schemas) {
        this.schemas = schemas;
    }

    /**
     * Applies the request's field validation to {@code obj}: Strict refuses unknown fields, Warn
     * reports and drops them, Ignore drops them silently.
     */
    public void check(Exchange ex, ResourceType type, ObjectNode obj) {
        String mode = ex.param("fieldValidation");
        if (mode == null) {
            mode = "Warn";
        }
        if (!List.of("Strict", "Warn", "Ignore").contains(mode)) {
            throw ApiException.badRequest("fieldValidation: Unsupported value: \"" + mode
                    + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
        }
        TypeSchema schema = schemas.apply(type);
        if (schema == null) {
            return;
        }
        if (!mode.equals("Strict")) {
            List<String> dropped = UnknownFields.prune(schema, obj);
            if (mode.equals("Warn")) {
                dropped.forEach(f -> ex.warn("unknown field \"" + f + "\""));
            }
            return;
        }
        List<String> unknown = UnknownFields.find(schema, obj);
        if (!unknown.isEmpty()) {
            String fields = String.join(", ", unknown.stream().map(f -> "unknown field \"" + f + "\"").toList());
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": strict decoding error: " + fields);
        }
    }
}
