package io.kube4j.controllers.podautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HPA's conditions being rewritten; a condition keeps its transition time while its status holds. */
final class HpaConditions {
    private final Map<String, HorizontalPodAutoscalerCondition> byType = new LinkedHashMap<>();
    private final String now;

    HpaConditions(HorizontalPodAutoscaler hpa, Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS).toString();
        if (hpa.getStatus() != null && hpa.getStatus().getConditions() != null) {
            hpa.getStatus().getConditions().forEach(c -> byType.put(c.getType(), c));
        }
    }

    void set(String type, String status, String reason, String message) {
        HorizontalPodAutoscalerCondition previous = byType.get(type);
        String since = previous != null && status.equals(previous.getStatus()) ? previous.getLastTransitionTime() : now;
        byType.put(type, new HorizontalPodAutoscalerConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).withLastTransitionTime(since).build());
    }

    /** In upstream's order: AbleToScale, ScalingActive, ScalingLimited. */
    List<HorizontalPodAutoscalerCondition> list() {
        List<HorizontalPodAutoscalerCondition> ordered = new ArrayList<>();
        for (String type : List.of("AbleToScale", "ScalingActive", "ScalingLimited")) {
            if (byType.containsKey(type)) {
                ordered.add(byType.get(type));
            }
        }
        return ordered;
    }
}
