package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;
import java.util.TreeSet;

/**
 * A pod's spec is fixed once created, apart from the few fields upstream lets an update change.
 * Anything else is one Forbidden error on {@code spec} listing the changed paths.
 */
final class PodUpdateRules {
    static final String FORBIDDEN_MESSAGE = "pod updates may not change fields other than "
            + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private PodUpdateRules() {
    }

    static void validate(JsonNode spec, JsonNode oldSpec, List<FieldError> errors) {
        activeDeadline(spec, oldSpec, errors);
        onlyAddedTolerations(spec, oldSpec, errors);
        ObjectNode munged = spec.deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            List<ObjectNode> containers = Trees.objects(munged, list);
            List<ObjectNode> oldContainers = Trees.objects(oldSpec, list);
            for (int i = 0; i < containers.size() && containers.size() == oldContainers.size(); i++) {
                Trees.copy(oldContainers.get(i), containers.get(i), "image");
            }
        }
        Trees.copy(oldSpec, munged, "activeDeadlineSeconds");
        Trees.copy(oldSpec, munged, "tolerations");
        if (oldSpec.path("terminationGracePeriodSeconds").asLong(0) < 0
                && munged.path("terminationGracePeriodSeconds").asLong(0) == 1) {
            Trees.copy(oldSpec, munged, "terminationGracePeriodSeconds");
        }
        if (!Trees.sameTree(munged, oldSpec)) {
            StringBuilder diff = new StringBuilder();
            describeDifferences("spec", Trees.normalized(oldSpec), Trees.normalized(munged), diff);
            errors.add(FieldError.forbidden("spec", FORBIDDEN_MESSAGE + "\n" + diff));
        }
    }

    private static void activeDeadline(JsonNode spec, JsonNode oldSpec, List<FieldError> errors) {
        if (Trees.absent(oldSpec, "activeDeadlineSeconds")) {
            return;
        }
        long old = oldSpec.get("activeDeadlineSeconds").asLong();
        if (Trees.absent(spec, "activeDeadlineSeconds")) {
            errors.add(FieldError.invalid("spec.activeDeadlineSeconds", new GoSyntax("null"),
                    "must not update from a positive integer to nil value"));
        } else if (spec.get("activeDeadlineSeconds").asLong() > old) {
            errors.add(FieldError.invalid("spec.activeDeadlineSeconds", spec.get("activeDeadlineSeconds").asLong(),
                    "must be less than or equal to previous value"));
        }
    }

    /** Every old toleration must still be there, though its tolerationSeconds may change. */
    private static void onlyAddedTolerations(JsonNode spec, JsonNode oldSpec, List<FieldError> errors) {
        for (ObjectNode old : Trees.objects(oldSpec, "tolerations")) {
            boolean kept = false;
            for (ObjectNode current : Trees.objects(spec, "tolerations")) {
                ObjectNode withNewSeconds = old.deepCopy();
                Trees.copy(current, withNewSeconds, "tolerationSeconds");
                kept |= Trees.sameTree(withNewSeconds, current);
            }
            if (!kept) {
                errors.add(FieldError.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
                return;
            }
        }
    }

    /** Appends {@code - path: old} / {@code + path: new} lines for each leaf that differs. */
    private static void describeDifferences(String path, JsonNode old, JsonNode current, StringBuilder out) {
        if (old.equals(current)) {
            return;
        }
        if (old.isObject() && current.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            old.fieldNames().forEachRemaining(keys::add);
            current.fieldNames().forEachRemaining(keys::add);
            keys.forEach(k -> describeDifferences(path + "." + k, old.path(k), current.path(k), out));
        } else if (old.isArray() && current.isArray() && old.size() == current.size()) {
            for (int i = 0; i < old.size(); i++) {
                describeDifferences(path + "[" + i + "]", old.get(i), current.get(i), out);
            }
        } else {
            if (!old.isMissingNode()) {
                out.append("- ").append(path).append(": ").append(old).append('\n');
            }
            if (!current.isMissingNode()) {
                out.append("+ ").append(path).append(": ").append(current).append('\n');
            }
        }
    }
}
