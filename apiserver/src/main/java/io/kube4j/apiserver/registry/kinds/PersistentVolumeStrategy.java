package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** PersistentVolumes: Retain and Filesystem by default, Pending until the binder makes them Available. */
final class PersistentVolumeStrategy implements Strategy {
    static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");
    private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
    private static final List<String> RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");
    /** The spec fields that are not the volume's source. */
    private static final Set<String> NOT_SOURCES = Set.of("capacity", "accessModes", "claimRef", "persistentVolumeReclaimPolicy",
            "storageClassName", "mountOptions", "volumeMode", "nodeAffinity", "volumeAttributesClassName");

    @Override
    public void prepareForCreate(ObjectNode obj) {
        applySpecDefaults(Trees.object(obj, "spec"));
        Trees.object(obj, "status").put("phase", "Pending");
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        applySpecDefaults(Trees.object(obj, "spec"));
    }

    private static void applySpecDefaults(ObjectNode spec) {
        Trees.putIfAbsent(spec, "persistentVolumeReclaimPolicy", "Retain");
        Trees.putIfAbsent(spec, "volumeMode", "Filesystem");
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode spec = obj.path("spec");
        validateAccessModes(spec, "spec", errors);
        if (spec.path("capacity").isEmpty()) {
            errors.add(FieldError.required("spec.capacity", ""));
        } else if (Trees.text(spec.path("capacity"), "storage") == null) {
            errors.add(FieldError.required("spec.capacity[storage]", ""));
        }
        Checks.oneOf(spec, "persistentVolumeReclaimPolicy", "spec.persistentVolumeReclaimPolicy", RECLAIM_POLICIES, true, errors);
        Checks.oneOf(spec, "volumeMode", "spec.volumeMode", VOLUME_MODES, false, errors);
        long sources = 0;
        for (var names = spec.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            sources += NOT_SOURCES.contains(name) || spec.get(name).isNull() ? 0 : 1;
        }
        if (sources == 0) {
            errors.add(FieldError.required("spec", "must specify a volume type"));
        } else if (sources > 1) {
            errors.add(FieldError.forbidden("spec", "may not specify more than 1 volume type"));
        }
        return errors;
    }

    static void validateAccessModes(JsonNode spec, String path, List<FieldError> errors) {
        List<String> modes = Trees.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            errors.add(FieldError.required(path + ".accessModes", "at least 1 access mode is required"));
        }
        for (String mode : modes) {
            if (!ACCESS_MODES.contains(mode)) {
                errors.add(FieldError.notSupported(path + ".accessModes", mode, ACCESS_MODES));
            }
        }
    }
}
