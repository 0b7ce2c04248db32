package io.kube4j.api.openapi;

import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.CustomResourceSchemas;
import io.kube4j.api.schema.SchemaNames;
import io.kube4j.api.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The definitions documents may use: the built-in ones of a {@link SchemaRegistry}, plus those we
 * synthesize — custom resources' schemas and the {@code <Kind>List} of every listable kind.
 * All are in OpenAPI v3 form.
 */
final class SchemaCatalog {
    private final SchemaRegistry registry;
    private final Map<GroupVersionKind, String> customKinds = new HashMap<>();
    private final Map<String, ObjectNode> synthesized = new HashMap<>();

    SchemaCatalog(SchemaRegistry registry, List<ResourceType> resources, Function<ResourceType, JsonNode> customSchema) {
        this.registry = registry;
        for (ResourceType resource : resources) {
            if (resource.modelClass() == null) {
                String name = customDefinitionName(resource.gvk());
                ObjectNode schema = CustomResourceSchemas.complete(customSchema.apply(resource));
                schema.set("x-kubernetes-group-version-kind", gvkList(resource.gvk()));
                synthesized.put(name, schema);
                customKinds.put(resource.gvk(), name);
            } else if (registry.definitionName(resource.gvk()) == null) {
                throw new IllegalArgumentException("no schema derived for " + resource.gvk()
                        + " (model " + resource.modelClass().getName() + ")");
            }
        }
        for (ResourceType resource : resources) {
            if (resource.verbs().contains("list")) {
                String item = definitionName(resource.gvk());
                synthesized.put(item + "List", listSchema(item, resource));
            }
        }
    }

    /** Upstream's name for a custom kind: reversed group, version, kind ({@code com.example.stable.v1.CronTab}). */
    static String customDefinitionName(GroupVersionKind gvk) {
        List<String> labels = new ArrayList<>(List.of(gvk.group().split("\\.")));
        Collections.reverse(labels);
        return String.join(".", labels) + "." + gvk.version() + "." + gvk.kind();
    }

    /** The definition of a kind, or null if it has none (e.g. the options of exec). */
    String definitionName(GroupVersionKind gvk) {
        String custom = customKinds.get(gvk);
        return custom != null ? custom : registry.definitionName(gvk);
    }

    String listDefinitionName(ResourceType resource) {
        return definitionName(resource.gvk()) + "List";
    }

    boolean isBuiltin(ResourceType resource) {
        return !customKinds.containsKey(resource.gvk());
    }

    /** {@code roots} and all they reference, sorted by name, each in {@code flavor}'s form. */
    SortedMap<String, JsonNode> closure(Iterable<String> roots, OpenApiFlavor flavor) {
        SortedMap<String, JsonNode> reached = new TreeMap<>();
        List<String> pending = new ArrayList<>();
        roots.forEach(pending::add);
        while (!pending.isEmpty()) {
            String name = pending.removeLast();
            if (reached.containsKey(name)) {
                continue;
            }
            JsonNode definition = synthesized.containsKey(name) ? synthesized.get(name) : registry.definition(name);
            if (definition == null) {
                throw new IllegalStateException("unresolvable schema reference " + name);
            }
            reached.put(name, flavor.schema(name, definition));
            SchemaRegistry.collectReferences(definition, pending);
        }
        return reached;
    }

    private static ObjectNode listSchema(String item, ResourceType resource) {
        ObjectNode schema = OpenApiFlavor.NODES.objectNode().put("type", "object");
        schema.putArray("required").add("items");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        ObjectNode items = properties.putObject("items").put("type", "array");
        items.putObject("items").put("$ref", SchemaNames.ref(item));
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("$ref", SchemaNames.ref(SchemaNames.LIST_META));
        GroupVersionKind gvk = resource.gvk();
        schema.set("x-kubernetes-group-version-kind",
                gvkList(new GroupVersionKind(gvk.group(), gvk.version(), resource.listKind())));
        return schema;
    }

    private static ArrayNode gvkList(GroupVersionKind gvk) {
        ArrayNode list = OpenApiFlavor.NODES.arrayNode();
        list.add(OpenApiPaths.gvkObject(gvk));
        return list;
    }
}
