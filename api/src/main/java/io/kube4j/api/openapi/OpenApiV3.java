package io.kube4j.api.openapi;

import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documents of {@code /openapi/v3}: the index, and one OpenAPI 3.0 document per group version
 * ({@code api/v1}, {@code apis/apps/v1}) with its resources' paths and every schema they reach.
 * Immutable; rebuild it when the set of resources changes (e.g. a CRD is added).
 */
public final class OpenApiV3 {
    private final OpenApiDocument index;
    private final Map<String, OpenApiDocument> documents;

    private OpenApiV3(OpenApiDocument index, Map<String, OpenApiDocument> documents) {
        this.index = index;
        this.documents = documents;
    }

    /**
     * Builds the documents of the built-in schemas.
     *
     * @param customSchema the {@code openAPIV3Schema} of a resource without model class (a custom
     *        resource); null or a non-object means "any fields"
     */
    public static OpenApiV3 build(List<ResourceType> resources, Function<ResourceType, JsonNode> customSchema) {
        return build(resources, customSchema, SchemaRegistry.builtin());
    }

    public static OpenApiV3 build(List<ResourceType> resources, Function<ResourceType, JsonNode> customSchema,
            SchemaRegistry registry) {
        SchemaCatalog catalog = new SchemaCatalog(registry, resources, customSchema);
        SortedMap<String, List<ResourceType>> byGroupVersion = new TreeMap<>();
        for (ResourceType resource : resources) {
            byGroupVersion.computeIfAbsent(groupVersionPath(resource.apiVersion()), k -> new ArrayList<>())
                    .add(resource);
        }
        Map<String, OpenApiDocument> documents = new LinkedHashMap<>();
        ObjectNode indexPaths = OpenApiFlavor.NODES.objectNode();
        byGroupVersion.forEach((path, members) -> {
            OpenApiDocument document = OpenApiDocument.of(document(members, catalog));
            documents.put(path, document);
            indexPaths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + document.hash());
        });
        ObjectNode index = OpenApiFlavor.NODES.objectNode();
        index.set("paths", indexPaths);
        return new OpenApiV3(OpenApiDocument.of(index), Collections.unmodifiableMap(documents));
    }

    /** {@code v1} → {@code api/v1}; {@code apps/v1} → {@code apis/apps/v1}. */
    public static String groupVersionPath(String apiVersion) {
        return (apiVersion.contains("/") ? "apis/" : "api/") + apiVersion;
    }

    /** {@code {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"},…}}}. */
    public OpenApiDocument index() {
        return index;
    }

    /** The document of a group version path such as {@code apis/apps/v1}, or null if none is served. */
    public OpenApiDocument document(String groupVersionPath) {
        return documents.get(groupVersionPath);
    }

    public Set<String> groupVersionPaths() {
        return documents.keySet();
    }

    private static ObjectNode document(List<ResourceType> resources, SchemaCatalog catalog) {
        ObjectNode document = OpenApiFlavor.NODES.objectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
        ObjectNode paths = document.putObject("paths");
        Set<String> referenced = new TreeSet<>();
        OpenApiPaths writer = new OpenApiPaths(OpenApiFlavor.V3, catalog, paths, referenced);
        resources.stream().sorted(OpenApiV3::byPlural).forEach(writer::add);
        sortFields(paths);
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        catalog.closure(referenced, OpenApiFlavor.V3).forEach(schemas::set);
        return document;
    }

    static int byPlural(ResourceType a, ResourceType b) {
        return a.plural().compareTo(b.plural());
    }

    /** Rewrites an object node's fields in name order, so documents (and their hashes) are stable. */
    static void sortFields(ObjectNode node) {
        SortedMap<String, JsonNode> sorted = new TreeMap<>();
        node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
        node.removeAll();
        sorted.forEach(node::set);
    }
}
