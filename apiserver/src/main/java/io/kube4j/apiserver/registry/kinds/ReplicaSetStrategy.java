package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/** apps/v1 ReplicaSets: one replica by default. */
final class ReplicaSetStrategy extends WorkloadStrategy {

    ReplicaSetStrategy() {
        super("deployment", "ReplicaSet");
    }

    @Override
    void applyDefaults(ObjectNode obj, ObjectNode spec) {
        Trees.putIfAbsent(spec, "replicas", 1);
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of("status.replicas", rs -> String.valueOf(rs.path("status").path("replicas").asLong(0)));
    }
}
