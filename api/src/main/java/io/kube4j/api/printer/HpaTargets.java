package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The TARGETS cell of a HorizontalPodAutoscaler: {@code current/target} per metric, e.g.
 * {@code cpu: 42%/80%}, at most two metrics then {@code + N more...}.
 */
final class HpaTargets {
    private static final int MAX_SHOWN = 2;
    private static final String UNKNOWN = "<unknown>";

    private HpaTargets() {
    }

    static String format(JsonNode hpa) {
        if (Json.present(hpa, "spec", "targetCPUUtilizationPercentage")) {
            return autoscalingV1(hpa);
        }
        List<JsonNode> specs = Json.items(hpa, "spec", "metrics");
        List<JsonNode> statuses = Json.items(hpa, "status", "currentMetrics");
        if (specs.isEmpty()) {
            return Formats.NONE;
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < specs.size() && i < MAX_SHOWN; i++) {
            shown.add(metric(specs.get(i), i < statuses.size() ? statuses.get(i) : null));
        }
        String joined = String.join(", ", shown);
        return specs.size() > MAX_SHOWN ? joined + " + " + (specs.size() - MAX_SHOWN) + " more..." : joined;
    }

    /** autoscaling/v1 knows only a CPU utilization target. */
    private static String autoscalingV1(JsonNode hpa) {
        String current = Json.present(hpa, "status", "currentCPUUtilizationPercentage")
                ? Json.number(hpa, "status", "currentCPUUtilizationPercentage") + "%"
                : UNKNOWN;
        return "cpu: " + current + "/" + Json.number(hpa, "spec", "targetCPUUtilizationPercentage") + "%";
    }

    private static String metric(JsonNode spec, JsonNode status) {
        return switch (Json.text(spec, "type")) {
            case "External" -> valueMetric(spec.path("external"), Json.at(status, "external"));
            case "Object" -> valueMetric(spec.path("object"), Json.at(status, "object"));
            case "Pods" -> Json.textOr(UNKNOWN, Json.at(status, "pods"), "current", "averageValue") + "/"
                    + Json.text(spec, "pods", "target", "averageValue");
            case "Resource" -> resourceMetric(spec.path("resource"), Json.at(status, "resource"));
            case "ContainerResource" -> resourceMetric(spec.path("containerResource"), Json.at(status, "containerResource"));
            default -> "<unknown type>";
        };
    }

    /** Object and External metrics: an average value marked {@code (avg)}, else a plain value. */
    private static String valueMetric(JsonNode source, JsonNode current) {
        JsonNode target = source.path("target");
        if (Json.present(target, "averageValue")) {
            return Json.textOr(UNKNOWN, current, "current", "averageValue") + "/" + Json.text(target, "averageValue")
                    + " (avg)";
        }
        return Json.textOr(UNKNOWN, current, "current", "value") + "/" + Json.text(target, "value");
    }

    /** Resource metrics: {@code name: current/target}, as average values or utilization percentages. */
    private static String resourceMetric(JsonNode source, JsonNode current) {
        String name = Json.text(source, "name");
        JsonNode target = source.path("target");
        if (Json.present(target, "averageValue")) {
            return name + ": " + Json.textOr(UNKNOWN, current, "current", "averageValue") + "/"
                    + Json.text(target, "averageValue");
        }
        String currentUtilization = Json.present(current, "current", "averageUtilization")
                ? Json.number(current, "current", "averageUtilization") + "%"
                : UNKNOWN;
        String targetUtilization = Json.present(target, "averageUtilization")
                ? Json.number(target, "averageUtilization") + "%"
                : "<auto>";
        return name + ": " + currentUtilization + "/" + targetUtilization;
    }
}
