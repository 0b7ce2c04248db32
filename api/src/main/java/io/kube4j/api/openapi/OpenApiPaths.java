package io.kube4j.api.openapi;

import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.resource.Subresource;
import io.kube4j.api.schema.SchemaNames;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the REST paths of resources into a document's {@code paths}, with the operation
 * extensions kubectl reads: {@code x-kubernetes-group-version-kind}, {@code x-kubernetes-action},
 * the {@code fieldValidation} parameter and the patch types of each patch operation.
 * Records every definition it references, so the document can include exactly those.
 */
final class OpenApiPaths {
    /** Connect-style subresources stream bytes; they have no schema worth publishing. */
    private static final Set<String> STREAMING_SUBRESOURCES = Set.of("log", "exec", "attach", "portforward", "proxy");
    private static final List<String> CUSTOM_PATCH_TYPES = List.of(
            "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json");
    private static final List<String> BUILTIN_PATCH_TYPES = List.of(
            "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json");
    private static final List<String> BODY_TYPES = List.of("*/*");

    private final OpenApiFlavor flavor;
    private final SchemaCatalog catalog;
    private final ObjectNode paths;
    private final Set<String> referenced;

    /** @param referenced receives the names of the definitions the operations use */
    OpenApiPaths(OpenApiFlavor flavor, SchemaCatalog catalog, ObjectNode paths, Set<String> referenced) {
        this.flavor = flavor;
        this.catalog = catalog;
        this.paths = paths;
        this.referenced = referenced;
    }

    void add(ResourceType resource) {
        String prefix = resource.group().isEmpty()
                ? "/api/" + resource.version()
                : "/apis/" + resource.group() + "/" + resource.version();
        String collection = prefix + (resource.namespaced() ? "/namespaces/{namespace}/" : "/") + resource.plural();
        String item = collection + "/{name}";
        addCollection(resource, collection);
        addItem(resource, item);
        if (resource.namespaced() && resource.verbs().contains("list")) {
            ObjectNode allNamespaces = pathItem(prefix + "/" + resource.plural(), false, false);
            allNamespaces.set("get", list(resource, OperationName.of("list", resource).forAllNamespaces()));
        }
        for (Subresource subresource : resource.subresources()) {
            if (!STREAMING_SUBRESOURCES.contains(subresource.name())
                    && catalog.definitionName(subresource.kind()) != null) {
                addSubresource(resource, subresource, item + "/" + subresource.name());
            }
        }
        referenced.add(SchemaNames.STATUS);
    }

    private void addCollection(ResourceType resource, String path) {
        List<String> verbs = resource.verbs();
        if (!verbs.contains("list") && !verbs.contains("create") && !verbs.contains("deletecollection")) {
            return;
        }
        ObjectNode item = pathItem(path, false, resource.namespaced());
        GroupVersionKind gvk = resource.gvk();
        if (verbs.contains("list")) {
            item.set("get", list(resource, OperationName.of("list", resource)));
        }
        if (verbs.contains("create")) {
            item.set("post", write(OperationName.of("create", resource), "post", gvk, "create a " + gvk.kind(),
                    List.of("200", "201", "202")));
        }
        if (verbs.contains("deletecollection")) {
            ObjectNode delete = operation(OperationName.of("delete", resource).asCollection(),
                    "deletecollection", gvk, "delete collection of " + gvk.kind());
            addListParameters(delete);
            addDeleteBody(delete);
            item.set("delete", delete);
        }
    }

    private void addItem(ResourceType resource, String path) {
        List<String> verbs = resource.verbs();
        if (!verbs.contains("get") && !verbs.contains("update") && !verbs.contains("patch")
                && !verbs.contains("delete")) {
            return;
        }
        ObjectNode item = pathItem(path, true, resource.namespaced());
        addItemOperations(item, resource, null, resource.gvk(), verbs);
        if (verbs.contains("delete")) {
            ObjectNode delete = operation(OperationName.of("delete", resource), "delete", resource.gvk(),
                    "delete a " + resource.kind());
            addParameter(delete, "gracePeriodSeconds", "integer",
                    "seconds before the object is deleted; zero deletes immediately");
            addParameter(delete, "propagationPolicy", "string",
                    "whether and how dependents are garbage collected: Orphan, Background or Foreground");
            addDeleteBody(delete);
            item.set("delete", delete);
        }
    }

    private void addSubresource(ResourceType resource, Subresource subresource, String path) {
        ObjectNode item = pathItem(path, true, resource.namespaced());
        addItemOperations(item, resource, subresource.name(), subresource.kind(), subresource.verbs());
        if (subresource.verbs().contains("create")) {
            item.set("post", write(OperationName.of("create", resource).subresource(subresource.name()),
                    "post", subresource.kind(), "create " + subresource.name() + " of a " + resource.kind(),
                    List.of("200", "201", "202")));
        }
    }

    /** get, put and patch of an object or of one of its subresources ({@code subresource} non-null). */
    private void addItemOperations(ObjectNode item, ResourceType resource, String subresource, GroupVersionKind gvk,
            List<String> verbs) {
        String what = (subresource == null ? "" : subresource + " of ") + "the specified " + resource.kind();
        if (verbs.contains("get")) {
            ObjectNode get = operation(OperationName.of("read", resource).subresource(subresource), "get", gvk,
                    "read " + what);
            responses(get, gvk, List.of("200"));
            item.set("get", get);
        }
        if (verbs.contains("update")) {
            item.set("put", write(OperationName.of("replace", resource).subresource(subresource), "put", gvk,
                    "replace " + what, List.of("200", "201")));
        }
        if (verbs.contains("patch")) {
            ObjectNode patch = operation(OperationName.of("patch", resource).subresource(subresource), "patch",
                    gvk, "partially update " + what);
            addWriteParameters(patch);
            addParameter(patch, "force", "boolean",
                    "apply requests only: take ownership of conflicting fields from other managers");
            flavor.requestBody(patch, OpenApiFlavor.NODES.objectNode().put("type", "object"),
                    catalog.isBuiltin(resource) ? BUILTIN_PATCH_TYPES : CUSTOM_PATCH_TYPES);
            responses(patch, gvk, List.of("200", "201"));
            item.set("patch", patch);
        }
    }

    private ObjectNode list(ResourceType resource, OperationName name) {
        ObjectNode list = operation(name, "list", resource.gvk(), "list or watch objects of kind " + resource.kind());
        addListParameters(list);
        String listDefinition = catalog.listDefinitionName(resource);
        referenced.add(listDefinition);
        ObjectNode responses = list.putObject("responses");
        flavor.response(responses, "200", "OK", flavor.ref(listDefinition));
        flavor.response(responses, "401", "Unauthorized", null);
        return list;
    }

    /** post or put of an object: write parameters, the object as body, the object as response. */
    private ObjectNode write(OperationName name, String action, GroupVersionKind gvk, String description,
            List<String> codes) {
        ObjectNode write = operation(name, action, gvk, description);
        addWriteParameters(write);
        flavor.requestBody(write, definitionRef(gvk), BODY_TYPES);
        responses(write, gvk, codes);
        return write;
    }

    private ObjectNode operation(OperationName name, String action, GroupVersionKind gvk, String description) {
        ObjectNode operation = OpenApiFlavor.NODES.objectNode();
        operation.putArray("tags").add(name.tag());
        operation.put("description", description).put("operationId", name.toString());
        operation.putArray("parameters");
        operation.put("x-kubernetes-action", action);
        operation.set("x-kubernetes-group-version-kind", gvkObject(gvk));
        return operation;
    }

    private void responses(ObjectNode operation, GroupVersionKind gvk, List<String> codes) {
        ObjectNode responses = operation.putObject("responses");
        for (String code : codes) {
            flavor.response(responses, code, code.equals("201") ? "Created" : code.equals("202") ? "Accepted" : "OK",
                    definitionRef(gvk));
        }
        flavor.response(responses, "401", "Unauthorized", null);
    }

    private void addDeleteBody(ObjectNode delete) {
        addParameter(delete, "dryRun", "string", "All: validate and return the result without persisting it");
        referenced.add(SchemaNames.DELETE_OPTIONS);
        flavor.requestBody(delete, flavor.ref(SchemaNames.DELETE_OPTIONS), BODY_TYPES);
        ObjectNode responses = delete.putObject("responses");
        flavor.response(responses, "200", "OK", flavor.ref(SchemaNames.STATUS));
        flavor.response(responses, "202", "Accepted", flavor.ref(SchemaNames.STATUS));
        flavor.response(responses, "401", "Unauthorized", null);
    }

    private void addWriteParameters(ObjectNode operation) {
        addParameter(operation, "dryRun", "string", "All: validate and return the result without persisting it");
        addParameter(operation, "fieldManager", "string", "the name of the actor making the change");
        addParameter(operation, "fieldValidation", "string",
                "how to treat unknown or duplicate fields: Ignore, Warn or Strict");
    }

    private void addListParameters(ObjectNode operation) {
        addParameter(operation, "allowWatchBookmarks", "boolean", "watch only: send BOOKMARK events");
        addParameter(operation, "continue", "string", "the continue token of the previous page");
        addParameter(operation, "fieldSelector", "string", "select objects by fields");
        addParameter(operation, "labelSelector", "string", "select objects by labels");
        addParameter(operation, "limit", "integer", "the maximum number of objects to return");
        addParameter(operation, "resourceVersion", "string", "the resource version to read or watch from");
        addParameter(operation, "timeoutSeconds", "integer", "the duration of a list or watch call");
        addParameter(operation, "watch", "boolean", "stream changes instead of listing");
    }

    private void addParameter(ObjectNode operation, String name, String type, String description) {
        ((ArrayNode) operation.get("parameters")).add(flavor.parameter(name, "query", type, false, description));
    }

    private ObjectNode pathItem(String path, boolean named, boolean namespaced) {
        ObjectNode item = paths.putObject(path);
        ArrayNode parameters = item.putArray("parameters");
        if (named) {
            parameters.add(flavor.parameter("name", "path", "string", true, "the name of the object"));
        }
        if (namespaced) {
            parameters.add(flavor.parameter("namespace", "path", "string", true, "object name and auth scope"));
        }
        parameters.add(flavor.parameter("pretty", "query", "string", false, "pretty-print the output"));
        return item;
    }

    private ObjectNode definitionRef(GroupVersionKind gvk) {
        String definition = catalog.definitionName(gvk);
        referenced.add(definition);
        return flavor.ref(definition);
    }

    static ObjectNode gvkObject(GroupVersionKind gvk) {
        return OpenApiFlavor.NODES.objectNode()
                .put("group", gvk.group()).put("kind", gvk.kind()).put("version", gvk.version());
    }

    /** Upstream's operation ids and tags: {@code patchAppsV1NamespacedDeploymentScale}, {@code apps_v1}. */
    private record OperationName(String verb, String group, String version, boolean collection, boolean namespaced,
            String kind, boolean allNamespaces) {

        static OperationName of(String verb, ResourceType resource) {
            String group = resource.group().isEmpty() ? "core" : resource.group().replaceFirst("\\.k8s\\.io$", "");
            StringBuilder camelGroup = new StringBuilder();
            for (String part : group.split("[.-]")) {
                camelGroup.append(capitalize(part));
            }
            return new OperationName(verb, camelGroup.toString(), capitalize(resource.version()), false,
                    resource.namespaced(), resource.kind(), false);
        }

        OperationName subresource(String name) {
            return name == null ? this
                    : new OperationName(verb, group, version, collection, namespaced, kind + capitalize(name), false);
        }

        OperationName asCollection() {
            return new OperationName(verb, group, version, true, namespaced, kind, false);
        }

        OperationName forAllNamespaces() {
            return new OperationName(verb, group, version, collection, false, kind, true);
        }

        String tag() {
            return Character.toLowerCase(group.charAt(0)) + group.substring(1) + "_" + version.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return verb + group + version + (collection ? "Collection" : "") + (namespaced ? "Namespaced" : "") + kind
                    + (allNamespaces ? "ForAllNamespaces" : "");
        }

        private static String capitalize(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
