package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.Strategy;
import java.util.Map;
import java.util.function.Function;

/** Nodes: registered by their kubelet with a status, so it is kept on create; allocatable defaults to capacity. */
final class NodeStrategy implements Strategy {

    @Override
    public void prepareForCreate(ObjectNode obj) {
        defaultAllocatable(obj);
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        defaultAllocatable(obj);
    }

    @Override
    public boolean clearsStatusOnCreate() {
        return false;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of("spec.unschedulable", node -> String.valueOf(node.path("spec").path("unschedulable").asBoolean(false)));
    }

    private static void defaultAllocatable(ObjectNode obj) {
        ObjectNode status = Trees.objectOrNull(obj, "status");
        if (status != null && Trees.absent(status, "allocatable") && !Trees.absent(status, "capacity")) {
            status.set("allocatable", status.get("capacity").deepCopy());
        }
    }
}
