package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The controllers that keep pods from a template running (Deployment, ReplicaSet, StatefulSet,
 * DaemonSet, ReplicationController): template defaults, a selector that selects the template,
 * pods that always restart, and counts that are not negative. Subclasses add their own defaults
 * and checks.
 */
abstract class WorkloadStrategy implements Strategy {
    private static final List<String> ALWAYS = List.of("Always");
    /** How upstream names the kind in "empty selector is invalid for ..." (ReplicaSets say deployment too). */
    private final String selectorOwner;
    /** How upstream names the kind in "activeDeadlineSeconds in ... is not Supported". */
    private final String templateOwner;

    WorkloadStrategy(String selectorOwner, String templateOwner) {
        this.selectorOwner = selectorOwner;
        this.templateOwner = templateOwner;
    }

    @Override
    public final void prepareForCreate(ObjectNode obj) {
        applyDefaults(obj, Trees.object(obj, "spec"));
        PodTemplates.applyDefaults(obj.get("spec"));
    }

    @Override
    public final void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        prepareForCreate(obj);
    }

    /** The kind's own defaults of {@code obj} (whose spec is given too). */
    abstract void applyDefaults(ObjectNode obj, ObjectNode spec);

    @Override
    public final List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode spec = obj.path("spec");
        Checks.nonNegative(spec, "replicas", "spec.replicas", errors);
        Checks.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
        Checks.nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit", errors);
        validateSelector(spec, errors);
        PodTemplates.validate(spec, "spec.template", ALWAYS, errors);
        JsonNode deadline = spec.path("template").path("spec").get("activeDeadlineSeconds");
        if (deadline != null && !deadline.isNull()) {
            errors.add(FieldError.invalid("spec.template.spec.activeDeadlineSeconds", deadline.asLong(),
                    "activeDeadlineSeconds in " + templateOwner + " is not Supported"));
        }
        validateSpec(spec, errors);
        return errors;
    }

    /** A {@code metav1.LabelSelector} that is required, not empty, and selects the template. */
    void validateSelector(JsonNode spec, List<FieldError> errors) {
        JsonNode selector = spec.get("selector");
        if (selector == null || !selector.isObject()) {
            errors.add(FieldError.required("spec.selector", ""));
            return;
        }
        SelectorValidation.validate(selector, "spec.selector", errors);
        if (SelectorValidation.isEmpty(selector)) {
            errors.add(FieldError.invalid("spec.selector", GoSyntax.labelSelector(selector),
                    "empty selector is invalid for " + selectorOwner));
        } else if (spec.path("template").isObject()) {
            SelectorValidation.requireTemplateMatch(selector, spec.get("template"), "spec.template", errors);
        }
    }

    /** Checks of the kind's own spec fields. */
    void validateSpec(JsonNode spec, List<FieldError> errors) {
    }

    /** apps/v1 selectors cannot change: pods of the old selector would be orphaned. */
    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        Checks.immutable(obj.path("spec"), old.path("spec"), "selector", "spec.selector",
                GoSyntax.labelSelector(obj.path("spec").get("selector")), errors);
        return errors;
    }
}
