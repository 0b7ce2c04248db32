package io.kube4j.controllers.volume;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.controllers.LabelSelectors;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the PersistentVolume a pending claim binds to, as upstream's findMatchingVolume: a volume
 * pre-bound to the claim wins; otherwise the smallest Available, unclaimed volume of the claim's
 * class and volume mode whose capacity and access modes cover the request and whose labels the
 * claim's selector accepts. With delayed binding (WaitForFirstConsumer) unclaimed volumes are only
 * considered once a node is chosen, and only those whose node affinity allows that node.
 */
public final class VolumeMatcher {
    static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    private VolumeMatcher() {
    }

    static Optional<PersistentVolume> find(PersistentVolumeClaim claim, String className, Collection<PersistentVolume> volumes,
                                           boolean delayBinding, String selectedNode) {
        Optional<PersistentVolume> prebound = volumes.stream().filter(pv -> isPreboundTo(pv, claim)).findFirst();
        if (prebound.isPresent()) {
            return prebound;
        }
        if (delayBinding && selectedNode == null) {
            return Optional.empty();
        }
        return candidates(claim, className, volumes).stream()
                .filter(pv -> pv.getSpec().getClaimRef() == null)
                .filter(pv -> selectedNode == null || allowsNode(pv, selectedNode))
                .min(Comparator.comparing(VolumeMatcher::capacity));
    }

    /**
     * The existing volumes the claim could bind to, whatever the node (the scheduler asks which suit
     * a node): Available, not being deleted, unclaimed or pre-bound to the claim, of class
     * {@code className} and the claim's volume mode, with room and access modes for it and labels its
     * selector accepts.
     */
    public static List<PersistentVolume> candidates(PersistentVolumeClaim claim, String className,
                                                    Collection<PersistentVolume> volumes) {
        BigDecimal request = request(claim);
        List<String> accessModes = claim.getSpec().getAccessModes() == null ? List.of() : claim.getSpec().getAccessModes();
        return volumes.stream()
                .filter(pv -> pv.getMetadata().getDeletionTimestamp() == null)
                .filter(pv -> pv.getStatus() != null && "Available".equals(pv.getStatus().getPhase()))
                .filter(pv -> pv.getSpec().getClaimRef() == null || isPreboundTo(pv, claim))
                .filter(pv -> className.equals(Objects.requireNonNullElse(pv.getSpec().getStorageClassName(), "")))
                .filter(pv -> volumeMode(pv.getSpec().getVolumeMode()).equals(volumeMode(claim.getSpec().getVolumeMode())))
                .filter(pv -> pv.getSpec().getAccessModes() != null && pv.getSpec().getAccessModes().containsAll(accessModes))
                .filter(pv -> capacity(pv).compareTo(request) >= 0)
                .filter(pv -> claim.getSpec().getSelector() == null
                        || LabelSelectors.matches(claim.getSpec().getSelector(), pv.getMetadata().getLabels()))
                .toList();
    }

    /** A volume whose claimRef names this claim (by namespace and name, and uid when set). */
    static boolean isPreboundTo(PersistentVolume pv, PersistentVolumeClaim claim) {
        ObjectReference ref = pv.getSpec().getClaimRef();
        return ref != null && Objects.equals(ref.getNamespace(), claim.getMetadata().getNamespace())
                && Objects.equals(ref.getName(), claim.getMetadata().getName())
                && (ref.getUid() == null || ref.getUid().isEmpty() || ref.getUid().equals(claim.getMetadata().getUid()));
    }

    static BigDecimal capacity(PersistentVolume pv) {
        Quantity storage = pv.getSpec().getCapacity() == null ? null : pv.getSpec().getCapacity().get("storage");
        return storage == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(storage);
    }

    static BigDecimal request(PersistentVolumeClaim claim) {
        var requests = claim.getSpec().getResources() == null ? null : claim.getSpec().getResources().getRequests();
        Quantity storage = requests == null ? null : requests.get("storage");
        return storage == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(storage);
    }

    /**
     * Whether the volume's required node affinity admits the node. Only hostname terms can be judged
     * from the node's name; a term on other labels is taken as admitting it.
     */
    static boolean allowsNode(PersistentVolume pv, String nodeName) {
        if (pv.getSpec().getNodeAffinity() == null || pv.getSpec().getNodeAffinity().getRequired() == null) {
            return true;
        }
        List<NodeSelectorTerm> terms = pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms();
        return terms == null || terms.isEmpty() || terms.stream().anyMatch(term -> admits(term, nodeName));
    }

    private static boolean admits(NodeSelectorTerm term, String nodeName) {
        List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
        return expressions.stream().allMatch(e -> !HOSTNAME_LABEL.equals(e.getKey()) || switch (e.getOperator()) {
            case "In" -> e.getValues().contains(nodeName);
            case "NotIn" -> !e.getValues().contains(nodeName);
            default -> true;
        });
    }

    private static String volumeMode(String mode) {
        return mode == null ? "Filesystem" : mode;
    }
}
