package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/** PriorityClasses: a required value no higher than user classes may go, fixed once set. */
final class PriorityClassStrategy implements Strategy {
    static final long HIGHEST_USER_PRIORITY = 1_000_000_000L;
    private static final List<String> PREEMPTION_POLICIES = List.of("Never", "PreemptLowerPriority");

    @Override
    public void prepareForCreate(ObjectNode obj) {
        Trees.putIfAbsent(obj, "preemptionPolicy", "PreemptLowerPriority");
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        Trees.putIfAbsent(obj, "preemptionPolicy", "PreemptLowerPriority");
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        String name = Meta.name(obj);
        boolean system = name != null && name.startsWith("system-");
        if (system && !name.equals("system-cluster-critical") && !name.equals("system-node-critical")) {
            errors.add(FieldError.invalid("metadata.name", name, "priority class names with 'system-' prefix are reserved"));
        }
        if (Trees.absent(obj, "value")) {
            errors.add(FieldError.required("value", ""));
        } else if (!system && obj.get("value").asLong() > HIGHEST_USER_PRIORITY) {
            errors.add(FieldError.forbidden("value", "maximum allowed value of a user defined priority is " + HIGHEST_USER_PRIORITY));
        }
        Checks.oneOf(obj, "preemptionPolicy", "preemptionPolicy", PREEMPTION_POLICIES, false, errors);
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        if (!Trees.sameTree(obj.get("value"), old.get("value"))) {
            errors.add(FieldError.forbidden("value", "may not be changed in an update."));
        }
        if (!Trees.sameTree(obj.get("preemptionPolicy"), old.get("preemptionPolicy"))) {
            errors.add(FieldError.invalid("preemptionPolicy", obj.path("preemptionPolicy").asText(), Checks.IMMUTABLE));
        }
        return errors;
    }
}
