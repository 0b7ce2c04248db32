package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.LabelRules;
import java.util.List;

/** The pod templates embedded in workloads: their defaults and validation. */
final class PodTemplates {
    private PodTemplates() {
    }

    /** Applies the pod spec defaults to {@code parent.template.spec}, if there is a template. */
    static void applyDefaults(JsonNode parent) {
        if (parent.get("template") instanceof ObjectNode template && template.get("spec") instanceof ObjectNode spec) {
            PodSpecDefaults.applyTemplate(spec);
        }
    }

    /** Validates {@code parent.template} (required) at {@code path}; restartPolicy must be one of {@code restartPolicies}. */
    static void validate(JsonNode parent, String path, List<String> restartPolicies, List<FieldError> errors) {
        JsonNode template = parent.get("template");
        if (template == null || !template.isObject()) {
            errors.add(FieldError.required(path, ""));
            return;
        }
        JsonNode meta = template.path("metadata");
        LabelRules.checkLabels(meta.get("labels"), path + ".metadata.labels", errors);
        LabelRules.checkAnnotations(meta.get("annotations"), path + ".metadata.annotations", errors);
        JsonNode spec = template.path("spec");
        PodSpecValidation.validate(spec, path + ".spec", errors);
        String restartPolicy = Trees.text(spec, "restartPolicy");
        if (restartPolicy != null && PodSpecValidation.RESTART_POLICIES.contains(restartPolicy)
                && !restartPolicies.contains(restartPolicy)) {
            errors.add(FieldError.notSupported(path + ".spec.restartPolicy", restartPolicy, restartPolicies));
        }
    }
}
