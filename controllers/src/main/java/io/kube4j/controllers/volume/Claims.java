package io.kube4j.controllers.volume;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.kube4j.controllers.PodStates;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the volume controllers need to know about a claim: its class, and the node it is wanted on. */
final class Claims {
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    static final String IS_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    private static final String IS_DEFAULT_CLASS_BETA = "storageclass.beta.kubernetes.io/is-default-class";

    private Claims() {
    }

    /**
     * The claim's storage class: as written ("" meaning none), or for a claim that names none the
     * default class (the newest of those marked default), which upstream's admission would have set.
     */
    static String className(PersistentVolumeClaim claim, Collection<StorageClass> classes) {
        if (claim.getSpec().getStorageClassName() != null) {
            return claim.getSpec().getStorageClassName();
        }
        return classes.stream().filter(Claims::isDefault)
                .max(Comparator.comparing((StorageClass c) -> c.getMetadata().getCreationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(c -> c.getMetadata().getName()).orElse("");
    }

    static boolean isDefault(StorageClass storageClass) {
        Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
        return annotations != null && ("true".equals(annotations.get(IS_DEFAULT_CLASS))
                || "true".equals(annotations.get(IS_DEFAULT_CLASS_BETA)));
    }

    static boolean waitsForFirstConsumer(StorageClass storageClass) {
        return storageClass != null && "WaitForFirstConsumer".equals(storageClass.getVolumeBindingMode());
    }

    /**
     * The node the claim's volume should be on: the scheduler's selected-node annotation, else the
     * node of a scheduled, unfinished pod that uses the claim; null while there is none.
     */
    static String selectedNode(PersistentVolumeClaim claim, Collection<Pod> podsInNamespace) {
        Map<String, String> annotations = claim.getMetadata().getAnnotations();
        if (annotations != null && annotations.get(SELECTED_NODE) != null) {
            return annotations.get(SELECTED_NODE);
        }
        return podsInNamespace.stream()
                .filter(pod -> pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()
                        && pod.getMetadata().getDeletionTimestamp() == null && !PodStates.isFinished(pod)
                        && claimNames(pod).contains(claim.getMetadata().getName()))
                .min(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .map(pod -> pod.getSpec().getNodeName()).orElse(null);
    }

    /** The names of the claims a pod mounts. */
    static List<String> claimNames(Pod pod) {
        List<Volume> volumes = pod.getSpec() == null || pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        return volumes.stream().map(Volume::getPersistentVolumeClaim).filter(Objects::nonNull)
                .map(source -> source.getClaimName()).toList();
    }
}
