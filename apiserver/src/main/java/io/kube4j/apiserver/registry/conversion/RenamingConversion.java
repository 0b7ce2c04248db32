package io.kube4j.apiserver.registry.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Conversion;
import java.util.Map;

/**
 * A conversion between two versions that differ only in the names of top-level fields (plus the
 * apiVersion), e.g. events.k8s.io/v1 Event over core/v1 Event.
 */
public final class RenamingConversion implements Conversion {
    private final ResourceType served;
    private final ResourceType storage;
    private final Map<String, String> servedToStored;

    /** @param servedToStored top-level field names of the served version mapped to the stored ones */
    public RenamingConversion(ResourceType served, ResourceType storage, Map<String, String> servedToStored) {
        this.served = served;
        this.storage = storage;
        this.servedToStored = Map.copyOf(servedToStored);
    }

    @Override
    public ResourceType storage() {
        return storage;
    }

    @Override
    public ObjectNode toStorage(ObjectNode obj) {
        servedToStored.forEach((from, to) -> move(obj, from, to));
        return obj.put("apiVersion", storage.apiVersion()).put("kind", storage.kind());
    }

    @Override
    public ObjectNode fromStorage(ObjectNode obj) {
        servedToStored.forEach((to, from) -> move(obj, from, to));
        return obj.put("apiVersion", served.apiVersion()).put("kind", served.kind());
    }

    private static void move(ObjectNode obj, String from, String to) {
        JsonNode value = obj.remove(from);
        if (value != null) {
            obj.set(to, value);
        }
    }

    /** events.k8s.io/v1 field names over core/v1 Event storage, as upstream maps them. */
    public static RenamingConversion eventsV1(ResourceType served, ResourceType storage) {
        return new RenamingConversion(served, storage, Map.of(
                "regarding", "involvedObject",
                "note", "message",
                "reportingController", "reportingComponent",
                "deprecatedSource", "source",
                "deprecatedFirstTimestamp", "firstTimestamp",
                "deprecatedLastTimestamp", "lastTimestamp",
                "deprecatedCount", "count"));
    }
}
