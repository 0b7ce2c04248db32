package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/** PersistentVolumeClaims: Filesystem mode, a Pending phase until bound, and a spec fixed after creation. */
final class PersistentVolumeClaimStrategy implements Strategy {
    static final String SPEC_IMMUTABLE = "spec is immutable after creation except resources.requests and "
            + "volumeAttributesClassName for bound claims";

    @Override
    public void prepareForCreate(ObjectNode obj) {
        applySpecDefaults(Trees.object(obj, "spec"));
        Trees.object(obj, "status").put("phase", "Pending");
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        applySpecDefaults(Trees.object(obj, "spec"));
    }

    static void applySpecDefaults(ObjectNode spec) {
        Trees.putIfAbsent(spec, "volumeMode", "Filesystem");
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        validateSpec(obj.path("spec"), "spec", errors);
        return errors;
    }

    static void validateSpec(JsonNode spec, String path, List<FieldError> errors) {
        PersistentVolumeStrategy.validateAccessModes(spec, path, errors);
        if (Trees.text(spec.path("resources").path("requests"), "storage") == null) {
            errors.add(FieldError.required(path + ".resources[storage]", ""));
        }
        Checks.oneOf(spec, "volumeMode", path + ".volumeMode", PersistentVolumeStrategy.VOLUME_MODES, false, errors);
    }

    /** Only the storage request may change (or the volume name be filled in while still unset). */
    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        ObjectNode spec = obj.path("spec").deepCopy();
        JsonNode oldSpec = old.path("spec");
        if (spec.get("resources") instanceof ObjectNode resources) {
            Trees.copy(oldSpec.path("resources"), resources, "requests");
        }
        Trees.copy(oldSpec, spec, "volumeAttributesClassName");
        if (Trees.text(oldSpec, "volumeName") == null) {
            Trees.copy(oldSpec, spec, "volumeName");
        }
        if (!Trees.sameTree(spec, oldSpec)) {
            errors.add(FieldError.forbidden("spec", SPEC_IMMUTABLE));
        }
        return errors;
    }
}
