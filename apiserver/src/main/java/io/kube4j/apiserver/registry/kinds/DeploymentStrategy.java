package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;

/** apps/v1 Deployments: rolling updates of 25%/25%, ten revisions kept, progress expected within 600s. */
final class DeploymentStrategy extends WorkloadStrategy {
    private static final List<String> STRATEGY_TYPES = List.of("Recreate", "RollingUpdate");

    DeploymentStrategy() {
        super("deployment", "ReplicaSet");
    }

    @Override
    void applyDefaults(ObjectNode obj, ObjectNode spec) {
        Trees.putIfAbsent(spec, "replicas", 1);
        ObjectNode strategy = Trees.object(spec, "strategy");
        Trees.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            ObjectNode rollingUpdate = Trees.object(strategy, "rollingUpdate");
            Trees.putIfAbsent(rollingUpdate, "maxUnavailable", "25%");
            Trees.putIfAbsent(rollingUpdate, "maxSurge", "25%");
        }
        Trees.putIfAbsent(spec, "revisionHistoryLimit", 10);
        Trees.putIfAbsent(spec, "progressDeadlineSeconds", 600);
    }

    @Override
    void validateSpec(JsonNode spec, List<FieldError> errors) {
        JsonNode strategy = spec.path("strategy");
        Checks.oneOf(strategy, "type", "spec.strategy.type", STRATEGY_TYPES, true, errors);
        JsonNode rollingUpdate = strategy.get("rollingUpdate");
        if ("Recreate".equals(Trees.text(strategy, "type")) && rollingUpdate != null && !rollingUpdate.isNull()) {
            errors.add(FieldError.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
        } else if (rollingUpdate != null && rollingUpdate.isObject()) {
            RollingUpdates.validate(rollingUpdate, "spec.strategy.rollingUpdate", errors);
        }
        JsonNode deadline = spec.get("progressDeadlineSeconds");
        if (deadline != null && deadline.isNumber() && deadline.asLong() <= spec.path("minReadySeconds").asLong(0)) {
            errors.add(FieldError.invalid("spec.progressDeadlineSeconds", deadline.asLong(), "must be greater than minReadySeconds"));
        }
    }
}
