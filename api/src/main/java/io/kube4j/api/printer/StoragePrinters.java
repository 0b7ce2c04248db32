package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Persistent volumes, their claims and storage classes. */
final class StoragePrinters {
    /** Set to the class name by old clients, and preferred over {@code spec.storageClassName} upstream. */
    private static final String BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";
    private static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    private static final String BETA_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

    private StoragePrinters() {
    }

    static void addTo(Registry registry) {
        Column volumeMode = Column.string("VolumeMode", "Filesystem or Block.").wide();
        registry.add("", "PersistentVolume", KindPrinter.of(StoragePrinters::persistentVolume,
                Column.NAME,
                Column.string("Capacity", "Storage capacity of the volume."),
                Column.string("Access Modes", "Ways the volume can be mounted."),
                Column.string("Reclaim Policy", "What happens to the volume when its claim is released."),
                Column.string("Status", "Phase of the volume."),
                Column.string("Claim", "The claim bound to the volume."),
                Column.string("StorageClass", "StorageClass of the volume."),
                Column.string("VolumeAttributesClass", "VolumeAttributesClass of the volume."),
                Column.string("Reason", "Reason for a failed phase."),
                Column.AGE,
                volumeMode));
        registry.add("", "PersistentVolumeClaim", KindPrinter.of(StoragePrinters::persistentVolumeClaim,
                Column.NAME,
                Column.string("Status", "Phase of the claim."),
                Column.string("Volume", "The volume bound to the claim."),
                Column.string("Capacity", "Storage capacity of the bound volume."),
                Column.string("Access Modes", "Ways the bound volume can be mounted."),
                Column.string("StorageClass", "StorageClass of the claim."),
                Column.string("VolumeAttributesClass", "VolumeAttributesClass of the claim."),
                Column.AGE,
                volumeMode));
        registry.add("storage.k8s.io", "StorageClass", KindPrinter.of(StoragePrinters::storageClass,
                Column.NAME,
                Column.string("Provisioner", "Volume plugin that provisions volumes of this class."),
                Column.string("ReclaimPolicy", "Reclaim policy of provisioned volumes."),
                Column.string("VolumeBindingMode", "When volumes are bound and provisioned."),
                Column.string("AllowVolumeExpansion", "Whether volumes of this class can be expanded."),
                Column.AGE));
    }

    private static Object[] persistentVolume(JsonNode pv, Instant now) {
        JsonNode claim = Json.at(pv, "spec", "claimRef");
        String claimRef = Json.present(claim) ? Json.text(claim, "namespace") + "/" + Json.text(claim, "name") : "";
        return new Object[] {
            Json.name(pv),
            Json.textOr("0", pv, "spec", "capacity", "storage"),
            Formats.accessModes(Json.at(pv, "spec", "accessModes")),
            Json.text(pv, "spec", "persistentVolumeReclaimPolicy"),
            phase(pv),
            claimRef,
            storageClass(pv),
            Json.textOr(Formats.UNSET, pv, "spec", "volumeAttributesClassName"),
            Json.text(pv, "status", "reason"),
            Durations.sinceCreation(pv, now),
            Json.textOr(Formats.UNSET, pv, "spec", "volumeMode")
        };
    }

    /** Capacity and access modes are those of the bound volume, so they stay empty until the claim is bound. */
    private static Object[] persistentVolumeClaim(JsonNode pvc, Instant now) {
        String volumeName = Json.text(pvc, "spec", "volumeName");
        boolean bound = !volumeName.isEmpty();
        return new Object[] {
            Json.name(pvc),
            phase(pvc),
            volumeName,
            bound ? Json.textOr("0", pvc, "status", "capacity", "storage") : "",
            bound ? Formats.accessModes(Json.at(pvc, "status", "accessModes")) : "",
            storageClass(pvc),
            Json.textOr(Formats.UNSET, pvc, "spec", "volumeAttributesClassName"),
            Durations.sinceCreation(pvc, now),
            Json.textOr(Formats.UNSET, pvc, "spec", "volumeMode")
        };
    }

    private static String phase(JsonNode volumeOrClaim) {
        return Json.present(volumeOrClaim, "metadata", "deletionTimestamp")
                ? "Terminating"
                : Json.text(volumeOrClaim, "status", "phase");
    }

    private static String storageClass(JsonNode volumeOrClaim) {
        JsonNode annotation = Json.at(volumeOrClaim, "metadata", "annotations", BETA_CLASS_ANNOTATION);
        return annotation.isTextual() ? annotation.asText() : Json.text(volumeOrClaim, "spec", "storageClassName");
    }

    private static Object[] storageClass(JsonNode storageClass, Instant now) {
        JsonNode annotations = Json.at(storageClass, "metadata", "annotations");
        boolean isDefault = "true".equals(Json.text(annotations, DEFAULT_CLASS_ANNOTATION))
                || "true".equals(Json.text(annotations, BETA_DEFAULT_CLASS_ANNOTATION));
        return new Object[] {
            Json.name(storageClass) + (isDefault ? " (default)" : ""),
            Json.text(storageClass, "provisioner"),
            Json.textOr("Delete", storageClass, "reclaimPolicy"),
            Json.textOr("Immediate", storageClass, "volumeBindingMode"),
            Json.bool(storageClass, "allowVolumeExpansion"),
            Durations.sinceCreation(storageClass, now)
        };
    }
}
