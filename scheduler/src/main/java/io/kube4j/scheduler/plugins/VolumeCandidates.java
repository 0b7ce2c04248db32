package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.scheduler.framework.Selectors;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The existing volumes an unbound claim could bind to, whatever the node: Available and unclaimed
 * (or pre-bound to this claim), of the claim's class and volume mode, with room and access modes
 * for it and labels its selector accepts. Which of them suits a node is the node affinity's call.
 */
final class VolumeCandidates {
    private VolumeCandidates() {
    }

    static List<PersistentVolume> find(PersistentVolumeClaim claim, Collection<PersistentVolume> volumes) {
        String className = VolumeBinding.className(claim);
        BigDecimal request = storage(claim.getSpec().getResources() == null ? null : claim.getSpec().getResources().getRequests());
        List<String> accessModes = claim.getSpec().getAccessModes() == null ? List.of() : claim.getSpec().getAccessModes();
        return volumes.stream()
                .filter(pv -> pv.getMetadata().getDeletionTimestamp() == null)
                .filter(pv -> pv.getStatus() != null && "Available".equals(pv.getStatus().getPhase()))
                .filter(pv -> pv.getSpec().getClaimRef() == null || isPreboundTo(pv.getSpec().getClaimRef(), claim))
                .filter(pv -> className.equals(Objects.requireNonNullElse(pv.getSpec().getStorageClassName(), "")))
                .filter(pv -> volumeMode(pv.getSpec().getVolumeMode()).equals(volumeMode(claim.getSpec().getVolumeMode())))
                .filter(pv -> pv.getSpec().getAccessModes() != null && pv.getSpec().getAccessModes().containsAll(accessModes))
                .filter(pv -> storage(pv.getSpec().getCapacity()).compareTo(request) >= 0)
                .filter(pv -> claim.getSpec().getSelector() == null
                        || Selectors.labelSelector(claim.getSpec().getSelector()).test(labels(pv)))
                .toList();
    }

    private static boolean isPreboundTo(ObjectReference ref, PersistentVolumeClaim claim) {
        return Objects.equals(ref.getNamespace(), claim.getMetadata().getNamespace())
                && Objects.equals(ref.getName(), claim.getMetadata().getName())
                && (ref.getUid() == null || ref.getUid().isEmpty() || ref.getUid().equals(claim.getMetadata().getUid()));
    }

    private static BigDecimal storage(Map<String, Quantity> resources) {
        Quantity q = resources == null ? null : resources.get("storage");
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }

    private static Map<String, String> labels(PersistentVolume pv) {
        return pv.getMetadata().getLabels() == null ? Map.of() : pv.getMetadata().getLabels();
    }

    private static String volumeMode(String mode) {
        return mode == null ? "Filesystem" : mode;
    }
}
