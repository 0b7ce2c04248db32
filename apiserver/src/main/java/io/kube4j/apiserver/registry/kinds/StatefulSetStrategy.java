package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;

/**
 * apps/v1 StatefulSets: ordered pod management, rolling updates from partition 0, claims retained,
 * ten revisions kept; after creation only a few spec fields may change.
 */
final class StatefulSetStrategy extends WorkloadStrategy {
    static final String UPDATE_FORBIDDEN = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
            + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
    private static final List<String> UPDATABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
            "persistentVolumeClaimRetentionPolicy", "minReadySeconds");
    private static final List<String> POD_MANAGEMENT = List.of("OrderedReady", "Parallel");
    private static final List<String> STRATEGY_TYPES = List.of("OnDelete", "RollingUpdate");
    private static final List<String> RETENTION = List.of("Delete", "Retain");

    StatefulSetStrategy() {
        super("statefulset", "StatefulSet");
    }

    @Override
    void applyDefaults(ObjectNode obj, ObjectNode spec) {
        Trees.putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        ObjectNode strategy = Trees.object(spec, "updateStrategy");
        if (Trees.text(strategy, "type") == null) {
            strategy.put("type", "RollingUpdate");
            Trees.object(strategy, "rollingUpdate");
        }
        if (strategy.get("type").asText().equals("RollingUpdate") && strategy.get("rollingUpdate") instanceof ObjectNode rolling) {
            Trees.putIfAbsent(rolling, "partition", 0);
        }
        ObjectNode retention = Trees.object(spec, "persistentVolumeClaimRetentionPolicy");
        Trees.putIfAbsent(retention, "whenDeleted", "Retain");
        Trees.putIfAbsent(retention, "whenScaled", "Retain");
        Trees.putIfAbsent(spec, "replicas", 1);
        Trees.putIfAbsent(spec, "revisionHistoryLimit", 10);
        for (ObjectNode claim : Trees.objects(spec, "volumeClaimTemplates")) {
            PersistentVolumeClaimStrategy.applySpecDefaults(Trees.object(claim, "spec"));
            Trees.putIfAbsent(Trees.object(claim, "status"), "phase", "Pending");
        }
    }

    @Override
    void validateSpec(JsonNode spec, List<FieldError> errors) {
        Checks.oneOf(spec, "podManagementPolicy", "spec.podManagementPolicy", POD_MANAGEMENT, true, errors);
        Checks.oneOf(spec.path("updateStrategy"), "type", "spec.updateStrategy.type", STRATEGY_TYPES, true, errors);
        Checks.nonNegative(spec.path("updateStrategy").path("rollingUpdate"), "partition",
                "spec.updateStrategy.rollingUpdate.partition", errors);
        JsonNode retention = spec.path("persistentVolumeClaimRetentionPolicy");
        Checks.oneOf(retention, "whenDeleted", "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", RETENTION, false, errors);
        Checks.oneOf(retention, "whenScaled", "spec.persistentVolumeClaimRetentionPolicy.whenScaled", RETENTION, false, errors);
        List<ObjectNode> claims = Trees.objects(spec, "volumeClaimTemplates");
        for (int i = 0; i < claims.size(); i++) {
            PersistentVolumeClaimStrategy.validateSpec(claims.get(i).path("spec"), "spec.volumeClaimTemplates[" + i + "].spec", errors);
        }
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = super.validateUpdate(obj, old);
        ObjectNode spec = obj.path("spec").deepCopy();
        JsonNode oldSpec = old.path("spec");
        UPDATABLE.forEach(field -> Trees.copy(oldSpec, spec, field));
        Trees.copy(oldSpec, spec, "selector");
        if (!Trees.sameTree(spec, oldSpec)) {
            errors.add(FieldError.forbidden("spec", UPDATE_FORBIDDEN));
        }
        return errors;
    }
}
