package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;

/** apps/v1 DaemonSets: rolling updates of one node at a time without surge, ten revisions kept. */
final class DaemonSetStrategy extends WorkloadStrategy {
    private static final List<String> STRATEGY_TYPES = List.of("OnDelete", "RollingUpdate");

    DaemonSetStrategy() {
        super("daemonset", "DaemonSet");
    }

    @Override
    void applyDefaults(ObjectNode obj, ObjectNode spec) {
        ObjectNode strategy = Trees.object(spec, "updateStrategy");
        Trees.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            ObjectNode rollingUpdate = Trees.object(strategy, "rollingUpdate");
            Trees.putIfAbsent(rollingUpdate, "maxUnavailable", 1);
            Trees.putIfAbsent(rollingUpdate, "maxSurge", 0);
        }
        Trees.putIfAbsent(spec, "revisionHistoryLimit", 10);
    }

    @Override
    void validateSpec(JsonNode spec, List<FieldError> errors) {
        JsonNode strategy = spec.path("updateStrategy");
        Checks.oneOf(strategy, "type", "spec.updateStrategy.type", STRATEGY_TYPES, true, errors);
        if (strategy.get("rollingUpdate") instanceof ObjectNode rollingUpdate
                && "RollingUpdate".equals(Trees.text(strategy, "type"))) {
            RollingUpdates.validate(rollingUpdate, "spec.updateStrategy.rollingUpdate", errors);
        }
    }
}
