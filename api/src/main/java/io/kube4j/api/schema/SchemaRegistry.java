package io.kube4j.api.schema;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.kube4j.api.resource.BuiltinResources;
import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.resource.Subresource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas of the built-in kinds, derived once from their fabric8 model classes, as OpenAPI v3
 * definitions named like upstream and as {@link TypeSchema}s.
 */
public final class SchemaRegistry {
    /** Always defined, whether or not a kind reaches them: lists, errors and delete bodies use them. */
    private static final List<Class<?>> COMMON_MODELS = List.of(ListMeta.class, Status.class, DeleteOptions.class);

    private final Map<String, ObjectNode> definitions;
    private final Map<GroupVersionKind, String> kindDefinitions;
    private final Definitions resolver;

    private SchemaRegistry(Map<String, ObjectNode> definitions, Map<GroupVersionKind, String> kindDefinitions) {
        this.definitions = Collections.unmodifiableMap(definitions);
        this.kindDefinitions = Map.copyOf(kindDefinitions);
        this.resolver = new Definitions(this.definitions);
    }

    /** The registry of {@link BuiltinResources}, derived on first use. */
    public static SchemaRegistry builtin() {
        return Builtin.INSTANCE;
    }

    private static final class Builtin {
        static final SchemaRegistry INSTANCE = derive(BuiltinResources.all(), BuiltinResources.subresourceModels());
    }

    /**
     * Derives the schemas of the resources' model classes and of the subresource bodies (classes
     * named like the kind of one of the resources' subresources, e.g. autoscaling/v1 Scale).
     */
    public static SchemaRegistry derive(List<ResourceType> resources, List<Class<?>> subresourceModels) {
        Map<Class<?>, List<GroupVersionKind>> kinds = new LinkedHashMap<>();
        for (ResourceType resource : resources) {
            if (resource.modelClass() != null) {
                kinds.computeIfAbsent(resource.modelClass(), c -> new ArrayList<>()).add(resource.gvk());
            }
        }
        for (Class<?> model : subresourceModels) {
            kinds.computeIfAbsent(model, c -> new ArrayList<>()).add(subresourceKind(resources, model));
        }
        List<Class<?>> roots = new ArrayList<>(kinds.keySet());
        roots.addAll(COMMON_MODELS);
        Map<String, ObjectNode> definitions = ModelSchemaDeriver.derive(roots, kinds, PatchStrategies.load());
        Map<GroupVersionKind, String> kindDefinitions = new HashMap<>();
        kinds.forEach((model, gvks) -> gvks.forEach(gvk -> kindDefinitions.put(gvk, SchemaNames.forClass(model))));
        return new SchemaRegistry(definitions, kindDefinitions);
    }

    private static GroupVersionKind subresourceKind(List<ResourceType> resources, Class<?> model) {
        String kind = model.getSimpleName();
        String upstreamPackage = SchemaNames.forClass(model);
        for (ResourceType resource : resources) {
            for (Subresource subresource : resource.subresources()) {
                GroupVersionKind gvk = subresource.kind();
                if (gvk.kind().equals(kind) && upstreamPackage.endsWith("." + gvk.version() + "." + kind)) {
                    return gvk;
                }
            }
        }
        throw new IllegalArgumentException("no subresource has the kind of " + model.getName());
    }

    /** The schema of a kind, or null if no model class defines it. */
    public TypeSchema forKind(GroupVersionKind gvk) {
        String name = kindDefinitions.get(gvk);
        return name == null ? null : resolver.named(name);
    }

    /** The schema of a custom resource from its CRD's {@code openAPIV3Schema} (null: any fields). */
    public TypeSchema forCustomResource(JsonNode openAPIV3Schema) {
        return JsonNodeTypeSchema.of(CustomResourceSchemas.complete(openAPIV3Schema), resolver);
    }

    /** The definition name of a kind ({@code io.k8s.api.core.v1.Pod}), or null if unknown. */
    public String definitionName(GroupVersionKind gvk) {
        return kindDefinitions.get(gvk);
    }

    /** A copy of a definition, or null if there is none of that name. */
    public ObjectNode definition(String name) {
        ObjectNode definition = definitions.get(name);
        return definition == null ? null : definition.deepCopy();
    }

    public Set<String> definitionNames() {
        return definitions.keySet();
    }

    /** Adds the definition names that {@code $ref}s under {@code node} point to. */
    public static void collectReferences(JsonNode node, List<String> names) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            names.add(SchemaNames.fromRef(ref.asText()));
        }
        for (JsonNode child : node) {
            collectReferences(child, names);
        }
    }
}
