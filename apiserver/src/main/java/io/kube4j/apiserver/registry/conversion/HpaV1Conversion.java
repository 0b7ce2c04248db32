package io.kube4j.apiserver.registry.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Conversion;

/**
 * autoscaling/v1 HorizontalPodAutoscalers over stored autoscaling/v2 ones: the v1 CPU target and
 * current utilisation map to the v2 cpu Resource metric; v2 conditions travel in v1 as the
 * {@code autoscaling.alpha.kubernetes.io/conditions} annotation, as upstream does. Other v2 metrics
 * are not representable in v1 and are dropped by a v1 write.
 */
public final class HpaV1Conversion implements Conversion {
    private static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";

    private final ResourceType served;
    private final ResourceType storage;

    public HpaV1Conversion(ResourceType served, ResourceType storage) {
        this.served = served;
        this.storage = storage;
    }

    @Override
    public ResourceType storage() {
        return storage;
    }

    @Override
    public ObjectNode toStorage(ObjectNode v1) {
        v1.put("apiVersion", storage.apiVersion());
        ObjectNode spec = v1.withObjectProperty("spec");
        JsonNode target = spec.remove("targetCPUUtilizationPercentage");
        if (target != null && !target.isNull()) {
            ObjectNode resource = spec.putArray("metrics").addObject().put("type", "Resource")
                    .putObject("resource").put("name", "cpu");
            resource.putObject("target").put("type", "Utilization").put("averageUtilization", target.asInt());
        }
        if (v1.has("status")) {
            ObjectNode status = v1.withObjectProperty("status");
            JsonNode current = status.remove("currentCPUUtilizationPercentage");
            if (current != null && !current.isNull()) {
                status.putArray("currentMetrics").addObject().put("type", "Resource").putObject("resource")
                        .put("name", "cpu").putObject("current").put("averageUtilization", current.asInt());
            }
        }
        JsonNode conditions = Meta.of(v1).path("annotations").get(CONDITIONS);
        if (conditions != null) {
            v1.withObjectProperty("status").set("conditions", Json.parse(conditions.asText()));
            Meta.of(v1).withObjectProperty("annotations").remove(CONDITIONS);
        }
        return v1;
    }

    @Override
    public ObjectNode fromStorage(ObjectNode v2) {
        v2.put("apiVersion", served.apiVersion());
        ObjectNode spec = v2.withObjectProperty("spec");
        JsonNode cpu = cpuMetric(spec.remove("metrics"), "resource");
        spec.remove("behavior");
        if (cpu != null && cpu.path("target").has("averageUtilization")) {
            spec.put("targetCPUUtilizationPercentage", cpu.path("target").path("averageUtilization").asInt());
        }
        if (v2.has("status")) {
            ObjectNode status = v2.withObjectProperty("status");
            JsonNode current = cpuMetric(status.remove("currentMetrics"), "resource");
            if (current != null && current.path("current").has("averageUtilization")) {
                status.put("currentCPUUtilizationPercentage", current.path("current").path("averageUtilization").asInt());
            }
            JsonNode conditions = status.remove("conditions");
            if (conditions instanceof ArrayNode list && !list.isEmpty()) {
                Meta.of(v2).withObjectProperty("annotations").put(CONDITIONS, Json.string(list));
            }
        }
        return v2;
    }

    private static JsonNode cpuMetric(JsonNode metrics, String field) {
        if (metrics == null) {
            return null;
        }
        for (JsonNode m : metrics) {
            if ("Resource".equals(m.path("type").asText()) && "cpu".equals(m.path(field).path("name").asText())) {
                return m.path(field);
            }
        }
        return null;
    }
}
