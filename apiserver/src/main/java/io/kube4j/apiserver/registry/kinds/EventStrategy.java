package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.Strategy;
import java.util.Map;
import java.util.function.Function;

/** core/v1 Events: written by PUT as often as by POST, and selected by what they are about. */
final class EventStrategy implements Strategy {

    @Override
    public boolean allowCreateOnUpdate() {
        return true;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.ofEntries(
                involved("kind"), involved("namespace"), involved("name"), involved("uid"),
                involved("apiVersion"), involved("resourceVersion"), involved("fieldPath"),
                Map.entry("reason", e -> e.path("reason").asText("")),
                Map.entry("reportingComponent", e -> e.path("reportingComponent").asText("")),
                Map.entry("source", e -> e.path("source").path("component").asText("")),
                Map.entry("type", e -> e.path("type").asText("")));
    }

    private static Map.Entry<String, Function<JsonNode, String>> involved(String field) {
        return Map.entry("involvedObject." + field, e -> e.path("involvedObject").path(field).asText(""));
    }
}
