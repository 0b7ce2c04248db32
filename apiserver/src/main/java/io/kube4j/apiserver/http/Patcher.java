package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.patch.JsonPatch;
import io.kube4j.api.patch.MergePatch;
import io.kube4j.api.patch.PatchException;
import io.kube4j.api.patch.StrategicMergePatch;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.TypeSchema;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.UpdateTarget;
import io.kube4j.apiserver.registry.WriteOptions;
import java.util.function.Function;

/**
 * PATCH in its four flavours: JSON patch, JSON merge patch, strategic merge patch (driven by the
 * kind's schema) and server-side apply. The patch is applied to the current object inside the
 * registry's read-modify-write loop, so concurrent writers are retried, not lost.
 */
public final class Patcher {
    private final BodyCodec codec;
    private final FieldValidation validation;
    private final Function<ResourceType, TypeSchema> schemas;
    private final ServerSideApplier applier;

    public Patcher(BodyCodec codec, FieldValidation validation, Function<ResourceType, TypeSchema> schemas,
                   ServerSideApplier applier) {
        this.codec = codec;
        this.validation = validation;
        this.schemas = schemas;
        this.applier = applier;
    }

    public ObjectNode patch(Exchange ex, GenericRegistry registry, String ns, String name, boolean status) {
        ResourceType type = registry.type();
        String contentType = ex.contentType();
        JsonNode patch = codec.decode(contentType, ex.body());
        WriteOptions options = ResourceEndpoint.writeOptions(ex);
        boolean apply = contentType.equals("application/apply-patch+yaml");
        if (apply) {
            if (options.fieldManager() == null) {
                throw ApiException.badRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                        + "is required for apply patch");
            }
            if (!(patch instanceof ObjectNode)) {
                throw ApiException.badRequest("apply patch must be an object");
            }
            validation.check(ex, type, (ObjectNode) patch);
        }
        TypeSchema schema = schemas.apply(type);
        return registry.guaranteedUpdate(ns, name, current -> {
            try {
                ObjectNode result = switch (contentType) {
                    case "application/json-patch+json" -> asObject(JsonPatch.apply(current, patch));
                    case "application/merge-patch+json" -> asObject(MergePatch.apply(current, patch));
                    case "application/strategic-merge-patch+json" -> {
                        if (schema == null || type.modelClass() == null) {
                            throw ApiException.unsupportedMediaType(contentType);
                        }
                        yield asObject(StrategicMergePatch.apply(current, patch, schema));
                    }
                    case "application/apply-patch+yaml" -> applier.apply(type, current, (ObjectNode) patch,
                            options.fieldManager(), ex.flag("force"));
                    default -> throw ApiException.unsupportedMediaType(contentType);
                };
                if (apply) {
                    return result;
                }
                validation.check(ex, type, result);
                return applier.recordUpdate(type, current, result, options.fieldManager());
            } catch (PatchException e) {
                throw new ApiException(e.httpStatus(), e.httpStatus() == 422 ? "Invalid" : "BadRequest", e.getMessage(),
                        name, type.group(), type.plural(), java.util.List.of());
            }
        }, options, apply, status ? UpdateTarget.STATUS : UpdateTarget.MAIN);
    }

    private static ObjectNode asObject(JsonNode node) {
        if (!(node instanceof ObjectNode obj)) {
            throw ApiException.badRequest("the patch produced something that is not an object");
        }
        return obj;
    }
}
