package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.patch.MergePatch;
import io.kube4j.api.patch.StrategicMergePatch;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.TypeSchema;
import java.util.function.Function;

/**
 * Server-side apply ({@code application/apply-patch+yaml}): creates the object from the applied
 * configuration when absent, else merges the configuration into the live object, using the kind's
 * schema (list merge keys) where there is one.
 */
public final class ServerSideApplier {
    private final Function<ResourceType, TypeSchema> schemas;

    public ServerSideApplier(Function<ResourceType, TypeSchema> schemas) {
        this.schemas = schemas;
    }

    public ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode applied, String manager, boolean force) {
        if (live == null) {
            return applied.deepCopy();
        }
        TypeSchema schema = schemas.apply(type);
        JsonNode merged = schema != null && type.modelClass() != null
                ? StrategicMergePatch.apply(live, applied, schema)
                : MergePatch.apply(live, applied);
        return (ObjectNode) merged;
    }
}
