package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.api.patch.JsonPatch;
import io.kube4j.api.patch.MergePatch;
import io.kube4j.api.patch.PatchException;
import io.kube4j.api.selector.LabelSelector;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.DeleteOptions;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.UpdateTarget;
import io.kube4j.apiserver.registry.WriteOptions;

/**
 * Subresources other than status: {@code scale} (as autoscaling/v1 Scale), {@code pods/binding},
 * {@code pods/eviction} and {@code namespaces/finalize}; the node-routed ones (log, exec, attach,
 * portforward) answer as upstream does for a pod that no node agent serves.
 */
public final class Subresources {
    private final BodyCodec codec;
    private final ResourceEndpoint resources;
    private final DisruptionChecker disruptions;

    public Subresources(BodyCodec codec, ResourceEndpoint resources, DisruptionChecker disruptions) {
        this.codec = codec;
        this.resources = resources;
        this.disruptions = disruptions;
    }

    public void serve(Exchange ex, RequestInfo info, GenericRegistry registry) {
        String sub = info.subresource();
        if (!registry.type().hasSubresource(sub)) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        String ns = registry.type().namespaced() ? info.namespace() : null;
        switch (sub) {
            case "status" -> resources.serveStatus(ex, info, registry);
            case "scale" -> scale(ex, registry, ns, info.name());
            case "binding" -> bind(ex, registry, ns, info.name());
            case "eviction" -> evict(ex, registry, ns, info.name());
            case "finalize" -> finalizeNamespace(ex, registry, info.name());
            case "log", "exec", "attach", "portforward" -> {
                ObjectNode pod = registry.get(ns, info.name());
                String node = Meta.text(pod.path("spec").get("nodeName"));
                if (node == null) {
                    throw ApiException.badRequest("pod " + info.name() + " does not have a host assigned");
                }
                throw new ApiException(503, "ServiceUnavailable", "no node agent is connected for node " + node,
                        info.name(), "", "pods", java.util.List.of());
            }
            default -> throw ApiException.notFound("the server could not find the requested resource");
        }
    }

    private void scale(Exchange ex, GenericRegistry registry, String ns, String name) {
        switch (ex.method()) {
            case "GET" -> ex.sendJson(200, toScale(registry.get(ns, name)));
            case "PUT", "PATCH" -> {
                JsonNode body = codec.decode(ex.contentType(), ex.body());
                ObjectNode updated = registry.guaranteedUpdate(ns, name, current -> {
                    ObjectNode scale = toScale(current);
                    JsonNode target = ex.method().equals("PUT") ? body : patchScale(ex.contentType(), scale, body);
                    String rv = Meta.text(target.path("metadata").get("resourceVersion"));
                    if (rv != null) {
                        Meta.of(current).put("resourceVersion", rv);
                    }
                    JsonNode replicas = target.path("spec").path("replicas");
                    if (!replicas.isMissingNode() && !replicas.canConvertToInt() || replicas.asInt() < 0) {
                        throw ApiException.invalid(registry.type(), name, java.util.List.of(
                                io.kube4j.apiserver.registry.FieldError.invalid("spec.replicas", replicas.asText(),
                                        "must be greater than or equal to 0")));
                    }
                    current.withObjectProperty("spec").put("replicas", replicas.asInt(0));
                    return current;
                }, ResourceEndpoint.writeOptions(ex), false, UpdateTarget.MAIN);
                ex.sendJson(200, toScale(updated));
            }
            default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private static JsonNode patchScale(String contentType, ObjectNode scale, JsonNode patch) {
        try {
            return contentType.equals("application/json-patch+json") ? JsonPatch.apply(scale, patch)
                    : MergePatch.apply(scale, patch);
        } catch (PatchException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The autoscaling/v1 Scale view of a scalable object. */
    static ObjectNode toScale(ObjectNode obj) {
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (obj.path("metadata").has(f)) {
                meta.set(f, obj.path("metadata").get(f));
            }
        }
        scale.putObject("spec").put("replicas", obj.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status").put("replicas", obj.path("status").path("replicas").asInt(0));
        JsonNode selector = obj.path("spec").path("selector");
        if (selector.isObject() && (selector.has("matchLabels") || selector.has("matchExpressions"))) {
            status.put("selector", LabelSelector.fromJson(selector).toString());
        } else if (selector.isObject()) {
            status.put("selector", String.join(",", Meta.stringMap(selector).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return scale;
    }

    /** POST of a Binding to the legacy {@code namespaces/{ns}/bindings} collection: binds the pod it names. */
    public void bindCollection(Exchange ex, GenericRegistry pods, String ns) {
        ObjectNode binding = codec.decodeObject(ex.contentType(), ex.body(), "Binding");
        String name = Meta.name(binding);
        if (name == null) {
            throw ApiException.badRequest("Binding.metadata.name (the pod) is required");
        }
        bind(ex, pods, ns, name, binding);
    }

    private void bind(Exchange ex, GenericRegistry pods, String ns, String name) {
        bind(ex, pods, ns, name, codec.decodeObject(ex.contentType(), ex.body(), "Binding"));
    }

    /** Sets the node and the PodScheduled condition, as upstream's binding storage does. */
    private void bind(Exchange ex, GenericRegistry pods, String ns, String name, ObjectNode binding) {
        String node = Meta.text(binding.path("target").get("name"));
        if (node == null) {
            throw ApiException.badRequest("Binding.target.name is required");
        }
        pods.guaranteedUpdate(ns, name, pod -> {
            String current = Meta.text(pod.path("spec").get("nodeName"));
            if (current != null) {
                throw ApiException.conflict(pods.type(), name, "pod " + name + " is already assigned to node \"" + current + "\"");
            }
            if (Meta.isDeleting(pod)) {
                throw ApiException.conflict(pods.type(), name, "pod " + name + " is being deleted, cannot be assigned to a host");
            }
            pod.withObjectProperty("spec").put("nodeName", node);
            markScheduled(pod);
            return pod;
        }, ResourceEndpoint.writeOptions(ex), false, UpdateTarget.SUBRESOURCE);
        ex.sendJson(201, success(201));
    }

    private void evict(Exchange ex, GenericRegistry pods, String ns, String name) {
        ObjectNode eviction = codec.decodeObject(ex.contentType(), ex.body(), "Eviction");
        ObjectNode pod = pods.get(ns, name);
        disruptions.checkEviction(pod);
        JsonNode opts = eviction.path("deleteOptions");
        Long grace = opts.has("gracePeriodSeconds") ? opts.get("gracePeriodSeconds").asLong() : null;
        boolean dryRun = ResourceEndpoint.writeOptions(ex).dryRun();
        for (JsonNode d : opts.path("dryRun")) {
            dryRun |= d.asText().equals("All");
        }
        pods.delete(ns, name, new DeleteOptions(grace, null, Meta.text(opts.path("preconditions").get("uid")),
                Meta.text(opts.path("preconditions").get("resourceVersion")), dryRun));
        ex.sendJson(201, success(201));
    }

    private void finalizeNamespace(Exchange ex, GenericRegistry namespaces, String name) {
        ObjectNode body = codec.decodeObject(ex.contentType(), ex.body(), "Namespace");
        ObjectNode updated = namespaces.guaranteedUpdate(null, name, ns -> {
            JsonNode finalizers = body.path("spec").get("finalizers");
            if (finalizers == null) {
                ns.withObjectProperty("spec").remove("finalizers");
            } else {
                ns.withObjectProperty("spec").set("finalizers", finalizers);
            }
            return ns;
        }, WriteOptions.DEFAULT, false, UpdateTarget.SUBRESOURCE);
        ex.sendJson(200, updated);
    }

    private static void markScheduled(ObjectNode pod) {
        com.fasterxml.jackson.databind.node.ArrayNode conditions = pod.withObjectProperty("status").withArrayProperty("conditions");
        for (JsonNode c : conditions) {
            if ("PodScheduled".equals(c.path("type").asText())) {
                ((ObjectNode) c).put("status", "True").remove(java.util.List.of("reason", "message"));
                return;
            }
        }
        conditions.addObject().put("type", "PodScheduled").put("status", "True")
                .putNull("lastProbeTime")
                .put("lastTransitionTime", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    static ObjectNode success(int code) {
        ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Success").put("code", code);
    }
}
