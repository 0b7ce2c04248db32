package io.kube4j.apiserver.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.ServedSchemas;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.DeleteOptions;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.Registries;
import io.kube4j.apiserver.registry.Strategy;
import io.kube4j.apiserver.registry.UpdateTarget;
import io.kube4j.apiserver.registry.WriteOptions;
import io.kube4j.apiserver.watch.CacheEvent;
import io.kube4j.apiserver.watch.WatchCache;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves custom resources: for every CustomResourceDefinition, registers each served version
 * (with its schema, printer columns and status/scale subresources) and marks the definition
 * NamesAccepted and Established; when a definition goes, deletes its objects and stops serving them.
 */
public final class CustomResources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomResources.class);
    private static final GroupVersionKind SCALE = new GroupVersionKind("autoscaling", "v1", "Scale");

    private final Registries registries;
    private final ServedSchemas schemas;
    private final GenericRegistry definitions;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    /** What one definition serves, and the spec it was served from. */
    private record Served(JsonNode spec, List<ResourceType> types) {
    }
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("custom-resources").factory());
    private WatchCache.Subscription subscription;

    public CustomResources(Registries registries, ServedSchemas schemas) {
        this.registries = registries;
        this.schemas = schemas;
        this.definitions = registries.find("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    }

    /** Serves the definitions already stored, then follows changes. */
    public void start() {
        for (ObjectNode crd : definitions.list(null, ListOptions.ALL).items()) {
            if (!Meta.isDeleting(crd)) {
                serve(crd);
            }
        }
        subscription = definitions.watch(null, ListOptions.ALL, definitions.cache().revision(),
                event -> executor.execute(() -> onEvent(event)));
    }

    private void onEvent(CacheEvent event) {
        try {
            if (event.type() == CacheEvent.Type.DELETED) {
                withdraw(event.object(), true);
            } else if (!Meta.isDeleting(event.object())) {
                Served current = served.get(Meta.name(event.object()));
                if (current == null || !current.spec().equals(event.object().path("spec"))) {
                    serve(event.object());
                }
                if (!established(event.object())) {
                    markEstablished(Meta.name(event.object()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("custom resource definition {} could not be served", Meta.name(event.object()), e);
        }
    }

    private void serve(JsonNode crd) {
        withdraw(crd, false);
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            ResourceType.Builder b = ResourceType.builder(spec.path("group").asText() + "/" + version.path("name").asText(),
                    names.path("kind").asText(), names.path("plural").asText());
            if ("Cluster".equals(spec.path("scope").asText())) {
                b.clusterScoped();
            }
            b.shortNames(strings(names.path("shortNames")).toArray(String[]::new));
            if (strings(names.path("categories")).contains("all")) {
                b.inCategoryAll();
            }
            if (version.path("subresources").has("status")) {
                b.subresource("status", "get", "patch", "update");
            }
            if (version.path("subresources").has("scale")) {
                b.subresource("scale", SCALE, "get", "patch", "update");
            }
            ResourceType type = b.build();
            schemas.registerCustom(type, version.path("schema").get("openAPIV3Schema"),
                    version.path("additionalPrinterColumns"));
            registries.register(type, new Strategy() {
            });
            types.add(type);
        }
        served.put(Meta.name(crd), new Served(spec, types));
    }

    private void withdraw(JsonNode crd, boolean deleteObjects) {
        Served previous = served.remove(Meta.name(crd));
        if (previous == null) {
            return;
        }
        List<ResourceType> types = previous.types();
        for (ResourceType type : types) {
            GenericRegistry registry = registries.find(type.group(), type.version(), type.plural());
            if (deleteObjects && registry != null && type == types.get(0)) {
                registry.deleteCollection(null, ListOptions.ALL, DeleteOptions.DEFAULT);
            }
            registries.unregister(type);
            schemas.unregisterCustom(type);
        }
    }

    private void markEstablished(String name) {
        try {
            definitions.guaranteedUpdate(null, name, crd -> {
                ObjectNode status = crd.withObjectProperty("status");
                status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
                ArrayNode conditions = status.putArray("conditions");
                String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                for (String type : List.of("NamesAccepted", "Established")) {
                    conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", now)
                            .put("reason", type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts")
                            .put("message", type.equals("Established") ? "the initial names have been accepted"
                                    : "no conflicts found");
                }
                status.putArray("storedVersions").add(storageVersion(crd));
                return crd;
            }, WriteOptions.DEFAULT, false, UpdateTarget.STATUS);
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    private static boolean established(JsonNode crd) {
        for (JsonNode c : crd.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Established") && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    private static String storageVersion(JsonNode crd) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return v.path("name").asText();
            }
        }
        return crd.path("spec").path("versions").path(0).path("name").asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        executor.shutdownNow();
    }
}
