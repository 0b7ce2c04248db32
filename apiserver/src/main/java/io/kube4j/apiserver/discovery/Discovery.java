package io.kube4j.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.resource.Subresource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents of a set of served resources: aggregated ({@code apidiscovery.k8s.io/v2},
 * what kubectl asks for first) and legacy (APIVersions, APIGroupList, APIGroup, APIResourceList).
 */
public final class Discovery {
    public static final String AGGREGATED_CONTENT_TYPE =
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    /** group -> version -> resources, in registration order (first version preferred). */
    private final Map<String, Map<String, List<ResourceType>>> groups = new LinkedHashMap<>();

    public Discovery(List<ResourceType> types) {
        for (ResourceType t : types) {
            groups.computeIfAbsent(t.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(t.version(), v -> new ArrayList<>()).add(t);
        }
    }

    /** Whether an Accept header asks for aggregated discovery. */
    public static boolean aggregatedWanted(String accept) {
        return accept != null && accept.contains("as=APIGroupDiscoveryList") && accept.contains("v=v2");
    }

    /** {@code /api} (core only) or {@code /apis} (everything else) in the aggregated format. */
    public ObjectNode aggregated(boolean core) {
        ObjectNode list = Json.object().put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        groups.forEach((group, versions) -> {
            if (group.isEmpty() != core) {
                return;
            }
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", group);
            ArrayNode vs = item.putArray("versions");
            versions.forEach((version, types) -> {
                ObjectNode v = vs.addObject().put("version", version).put("freshness", "Current");
                ArrayNode resources = v.putArray("resources");
                types.forEach(t -> resources.add(aggregatedResource(t)));
            });
        });
        return list;
    }

    private static ObjectNode aggregatedResource(ResourceType t) {
        ObjectNode r = Json.object().put("resource", t.plural());
        r.set("responseKind", kind(t.gvk()));
        r.put("scope", t.namespaced() ? "Namespaced" : "Cluster").put("singularResource", t.singular());
        strings(r.putArray("verbs"), t.verbs());
        if (!t.shortNames().isEmpty()) {
            strings(r.putArray("shortNames"), t.shortNames());
        }
        if (!t.categories().isEmpty()) {
            strings(r.putArray("categories"), t.categories());
        }
        if (!t.subresources().isEmpty()) {
            ArrayNode subs = r.putArray("subresources");
            for (Subresource s : t.subresources()) {
                ObjectNode sub = subs.addObject().put("subresource", s.name());
                sub.set("responseKind", kind(s.kind()));
                strings(sub.putArray("verbs"), s.verbs());
            }
        }
        return r;
    }

    public ObjectNode apiVersions() {
        ObjectNode doc = Json.object().put("kind", "APIVersions");
        strings(doc.putArray("versions"), List.copyOf(groups.getOrDefault("", Map.of()).keySet()));
        doc.putArray("serverAddressByClientCIDRs");
        return doc;
    }

    public ObjectNode apiGroupList() {
        ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode list = doc.putArray("groups");
        groups.keySet().stream().filter(g -> !g.isEmpty()).forEach(g -> list.add(groupBody(g)));
        return doc;
    }

    /** {@code /apis/{group}}, or null if the group is not served. */
    public ObjectNode apiGroup(String group) {
        if (group.isEmpty() || !groups.containsKey(group)) {
            return null;
        }
        return groupBody(group).put("kind", "APIGroup").put("apiVersion", "v1");
    }

    private ObjectNode groupBody(String group) {
        ObjectNode g = Json.object().put("name", group);
        ArrayNode versions = g.putArray("versions");
        String preferred = null;
        for (String v : groups.get(group).keySet()) {
            versions.addObject().put("groupVersion", group + "/" + v).put("version", v);
            preferred = preferred == null ? v : preferred;
        }
        g.putObject("preferredVersion").put("groupVersion", group + "/" + preferred).put("version", preferred);
        return g;
    }

    /** {@code /api/v1} or {@code /apis/{group}/{version}}, or null if not served. */
    public ObjectNode resourceList(String group, String version) {
        List<ResourceType> types = groups.getOrDefault(group, Map.of()).get(version);
        if (types == null) {
            return null;
        }
        ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            strings(r.putArray("verbs"), t.verbs());
            if (!t.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), t.shortNames());
            }
            if (!t.categories().isEmpty()) {
                strings(r.putArray("categories"), t.categories());
            }
            for (Subresource s : t.subresources()) {
                ObjectNode sr = resources.addObject().put("name", t.plural() + "/" + s.name()).put("singularName", "")
                        .put("namespaced", t.namespaced());
                if (!s.kind().group().equals(t.group()) || !s.kind().version().equals(t.version())) {
                    sr.put("group", s.kind().group()).put("version", s.kind().version());
                }
                sr.put("kind", s.kind().kind());
                strings(sr.putArray("verbs"), s.verbs());
            }
        }
        return doc;
    }

    private static ObjectNode kind(GroupVersionKind gvk) {
        return Json.object().put("group", gvk.group()).put("version", gvk.version()).put("kind", gvk.kind());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
