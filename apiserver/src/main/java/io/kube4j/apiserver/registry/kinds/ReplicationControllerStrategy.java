package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.LabelRules;
import java.util.List;

/**
 * core/v1 ReplicationControllers: the selector is a plain label map that defaults to the template's
 * labels (as do the controller's own labels), and may change.
 */
final class ReplicationControllerStrategy extends WorkloadStrategy {

    ReplicationControllerStrategy() {
        super("replicationcontroller", "ReplicationController");
    }

    @Override
    void applyDefaults(ObjectNode obj, ObjectNode spec) {
        Trees.putIfAbsent(spec, "replicas", 1);
        JsonNode templateLabels = spec.path("template").path("metadata").get("labels");
        if (templateLabels != null && templateLabels.isObject()) {
            if (spec.path("selector").isEmpty()) {
                spec.set("selector", templateLabels.deepCopy());
            }
            if (Meta.of(obj).path("labels").isEmpty()) {
                Meta.of(obj).set("labels", templateLabels.deepCopy());
            }
        }
    }

    @Override
    void validateSelector(JsonNode spec, List<FieldError> errors) {
        JsonNode selector = spec.get("selector");
        if (selector == null || selector.isEmpty()) {
            errors.add(FieldError.required("spec.selector", ""));
            return;
        }
        LabelRules.checkLabels(selector, "spec.selector", errors);
        JsonNode labels = spec.path("template").path("metadata").path("labels");
        if (spec.path("template").isObject()
                && !SelectorValidation.hasAll(Meta.stringMap(selector), Meta.stringMap(labels))) {
            errors.add(FieldError.invalid("spec.template.metadata.labels", GoSyntax.stringMap(labels), SelectorValidation.MISMATCH));
        }
    }

    /** Unlike apps/v1 kinds, a ReplicationController's selector may be changed. */
    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        return validate(obj);
    }
}
