package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * batch/v1 Jobs: one completion by default, six retries, and (unless manualSelector) a selector
 * on the job's uid that the server writes into the pod template; the template never changes.
 */
final class JobStrategy implements Strategy {
    static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
    static final String LEGACY_CONTROLLER_UID = "controller-uid";
    static final String JOB_NAME = "batch.kubernetes.io/job-name";
    static final String LEGACY_JOB_NAME = "job-name";
    static final List<String> RESTART_POLICIES = List.of("OnFailure", "Never");
    private static final List<String> COMPLETION_MODES = List.of("Indexed", "NonIndexed");

    @Override
    public void prepareForCreate(ObjectNode obj) {
        ObjectNode spec = Trees.object(obj, "spec");
        applyDefaults(obj, spec);
        if (!spec.path("manualSelector").asBoolean(false)) {
            generateSelector(obj, spec);
        }
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        applyDefaults(obj, Trees.object(obj, "spec"));
    }

    private static void applyDefaults(ObjectNode obj, ObjectNode spec) {
        if (Trees.absent(spec, "completions") && Trees.absent(spec, "parallelism")) {
            spec.put("completions", 1);
        }
        Trees.putIfAbsent(spec, "parallelism", 1);
        Trees.putIfAbsent(spec, "backoffLimit", Trees.absent(spec, "backoffLimitPerIndex") ? 6 : Integer.MAX_VALUE);
        JsonNode templateLabels = spec.path("template").path("metadata").get("labels");
        if (templateLabels != null && templateLabels.isObject() && Meta.of(obj).path("labels").isEmpty()) {
            Meta.of(obj).set("labels", templateLabels.deepCopy());
        }
        Trees.putIfAbsent(spec, "completionMode", "NonIndexed");
        Trees.putIfAbsent(spec, "suspend", false);
        Trees.putIfAbsent(spec, "podReplacementPolicy", Trees.absent(spec, "podFailurePolicy") ? "TerminatingOrFailed" : "Failed");
        PodTemplates.applyDefaults(spec);
    }

    /** Labels the template with the job's uid and name, and selects on the uid. */
    private static void generateSelector(ObjectNode obj, ObjectNode spec) {
        String uid = Meta.uid(obj);
        ObjectNode labels = Trees.object(Trees.object(Trees.object(spec, "template"), "metadata"), "labels");
        for (String key : List.of(LEGACY_JOB_NAME, JOB_NAME)) {
            Trees.putIfAbsent(labels, key, Meta.name(obj));
        }
        for (String key : List.of(LEGACY_CONTROLLER_UID, CONTROLLER_UID)) {
            Trees.putIfAbsent(labels, key, uid);
        }
        Trees.putIfAbsent(Trees.object(Trees.object(spec, "selector"), "matchLabels"), CONTROLLER_UID, uid);
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode spec = obj.path("spec");
        validateSpec(spec, "spec", errors);
        JsonNode selector = spec.get("selector");
        if (selector == null || !selector.isObject()) {
            errors.add(FieldError.required("spec.selector", ""));
        } else {
            SelectorValidation.validate(selector, "spec.selector", errors);
            if (!spec.path("manualSelector").asBoolean(false)) {
                generatedSelector(obj, selector, errors);
            }
            if (spec.path("template").isObject()) {
                SelectorValidation.requireTemplateMatch(selector, spec.get("template"), "spec.template", errors);
            }
        }
        return errors;
    }

    /** The counts, modes and template of a JobSpec, also used for CronJob job templates. */
    static void validateSpec(JsonNode spec, String path, List<FieldError> errors) {
        for (String field : List.of("parallelism", "completions", "backoffLimit", "backoffLimitPerIndex", "ttlSecondsAfterFinished")) {
            Checks.nonNegative(spec, field, path + "." + field, errors);
        }
        Checks.positive(spec, "activeDeadlineSeconds", path + ".activeDeadlineSeconds", errors);
        Checks.oneOf(spec, "completionMode", path + ".completionMode", COMPLETION_MODES, false, errors);
        if ("Indexed".equals(Trees.text(spec, "completionMode")) && Trees.absent(spec, "completions")) {
            errors.add(FieldError.required(path + ".completions", "when completion mode is Indexed"));
        }
        PodTemplates.validate(spec, path + ".template", RESTART_POLICIES, errors);
    }

    /** Without manualSelector the selector must be the one the server generated from the uid. */
    private static void generatedSelector(JsonNode obj, JsonNode selector, List<FieldError> errors) {
        String uid = Meta.uid(obj);
        JsonNode labels = obj.path("spec").path("template").path("metadata").path("labels");
        if (uid != null && !uid.equals(Trees.text(labels, CONTROLLER_UID))) {
            errors.add(FieldError.invalid("spec.template.metadata.labels[" + CONTROLLER_UID + "]",
                    labels.path(CONTROLLER_UID).asText(), "must be '" + uid + "'"));
        }
        Map<String, String> expected = Map.of(CONTROLLER_UID, uid == null ? "" : uid);
        if (!Meta.stringMap(selector.path("matchLabels")).equals(expected) || !Trees.objects(selector, "matchExpressions").isEmpty()) {
            errors.add(FieldError.invalid("spec.selector", GoSyntax.labelSelector(selector), "`selector` not auto-generated"));
        }
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        JsonNode spec = obj.path("spec");
        JsonNode oldSpec = old.path("spec");
        Checks.immutable(spec, oldSpec, "selector", "spec.selector", GoSyntax.labelSelector(spec.get("selector")), errors);
        Checks.immutable(spec, oldSpec, "template", "spec.template", new GoSyntax("core.PodTemplateSpec{...}"), errors);
        Checks.immutable(spec, oldSpec, "completions", "spec.completions", spec.path("completions").asLong(), errors);
        Checks.immutable(spec, oldSpec, "completionMode", "spec.completionMode", spec.path("completionMode").asText(), errors);
        return errors;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of("status.successful", job -> String.valueOf(job.path("status").path("succeeded").asLong(0)));
    }
}
