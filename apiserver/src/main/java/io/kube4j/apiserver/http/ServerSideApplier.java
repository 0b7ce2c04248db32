package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.patch.apply.ApplyConflictException;
import io.kube4j.api.patch.apply.ManagedFields;
import io.kube4j.api.patch.apply.ServerSideApply;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.TypeSchema;
import io.kube4j.apiserver.registry.ApiException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Field ownership for writes: server-side apply ({@code application/apply-patch+yaml}) with
 * managedFields and conflicts (409 with FieldManagerConflict causes), and the recording of other
 * writers as Update managers on objects that are tracked.
 */
public final class ServerSideApplier {
    private final Function<ResourceType, TypeSchema> schemas;
    private final Clock clock;

    public ServerSideApplier(Function<ResourceType, TypeSchema> schemas, Clock clock) {
        this.schemas = schemas;
        this.clock = clock;
    }

    public ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode applied, String manager, boolean force) {
        try {
            return new ServerSideApply(schemas.apply(type), clock).apply(live, applied, manager, force);
        } catch (ApplyConflictException e) {
            throw ApiException.applyConflict(type, Meta.name(live), e.getMessage(), e.conflicts().stream()
                    .map(c -> new ApiException.Cause("FieldManagerConflict", c.message(), c.field())).toList());
        }
    }

    /** Records a non-apply write by {@code manager} (untracked objects stay untracked). */
    public ObjectNode recordUpdate(ResourceType type, ObjectNode old, ObjectNode updated, String manager) {
        return new ManagedFields(schemas.apply(type), clock).recordUpdate(old, updated,
                manager == null ? "unknown" : manager, "Update");
    }
}
