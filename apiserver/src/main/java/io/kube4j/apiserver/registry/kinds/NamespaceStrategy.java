package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.Map;
import java.util.function.Function;

/**
 * Namespaces: the {@code kubernetes} finalizer and an Active phase on create, the name label, and
 * deletion held (phase Terminating) until the namespace controller has emptied spec.finalizers.
 */
final class NamespaceStrategy implements Strategy {
    static final String NAME_LABEL = "kubernetes.io/metadata.name";
    static final String FINALIZER = "kubernetes";

    @Override
    public void prepareForCreate(ObjectNode obj) {
        ObjectNode spec = Trees.object(obj, "spec");
        if (!Trees.strings(spec, "finalizers").contains(FINALIZER)) {
            Trees.array(spec, "finalizers").add(FINALIZER);
        }
        Trees.object(obj, "status").put("phase", "Active");
        labelWithName(obj);
    }

    /** spec.finalizers changes only through the finalize subresource; the name label stays. */
    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        Trees.copy(old.path("spec"), Trees.object(obj, "spec"), "finalizers");
        labelWithName(obj);
    }

    @Override
    public NameRule nameRule() {
        return NameRule.LABEL;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of("status.phase", ns -> ns.path("status").path("phase").asText(""));
    }

    @Override
    public boolean holdForFinalization(ObjectNode obj) {
        Trees.object(obj, "status").put("phase", "Terminating");
        return !Trees.strings(obj.path("spec"), "finalizers").isEmpty();
    }

    private static void labelWithName(ObjectNode obj) {
        String name = Meta.name(obj);
        if (name != null) {
            Trees.object(Meta.of(obj), "labels").put(NAME_LABEL, name);
        }
    }
}
