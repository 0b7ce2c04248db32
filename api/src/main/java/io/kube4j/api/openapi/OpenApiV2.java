package io.kube4j.api.openapi;

import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.SchemaRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Swagger 2.0 document of {@code /openapi/v2} (JSON only): the same paths and schemas as
 * {@link OpenApiV3}, for clients that still read v2.
 */
public final class OpenApiV2 {
    private OpenApiV2() {
    }

    /** See {@link OpenApiV3#build(List, Function)} for the arguments. */
    public static OpenApiDocument build(List<ResourceType> resources, Function<ResourceType, JsonNode> customSchema) {
        return build(resources, customSchema, SchemaRegistry.builtin());
    }

    public static OpenApiDocument build(List<ResourceType> resources, Function<ResourceType, JsonNode> customSchema,
            SchemaRegistry registry) {
        SchemaCatalog catalog = new SchemaCatalog(registry, resources, customSchema);
        ObjectNode document = OpenApiFlavor.NODES.objectNode().put("swagger", "2.0");
        document.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
        ObjectNode paths = document.putObject("paths");
        Set<String> referenced = new TreeSet<>();
        OpenApiPaths writer = new OpenApiPaths(OpenApiFlavor.V2, catalog, paths, referenced);
        resources.stream().sorted(OpenApiV3::byPlural).forEach(writer::add);
        OpenApiV3.sortFields(paths);
        ObjectNode definitions = document.putObject("definitions");
        catalog.closure(referenced, OpenApiFlavor.V2).forEach(definitions::set);
        return OpenApiDocument.of(document);
    }
}
