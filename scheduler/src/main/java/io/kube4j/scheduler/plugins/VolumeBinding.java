package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.TopologySelectorLabelRequirement;
import io.fabric8.kubernetes.api.model.TopologySelectorTerm;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.kube4j.controllers.volume.VolumeMatcher;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreBindPlugin;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Selectors;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Places pods that use PersistentVolumeClaims where their volumes can be. PreFilter rejects a pod
 * whose claims are missing, being deleted, or unbound with immediate binding (the PV controller
 * binds those; the pod waits for it). Filter admits a node when every bound volume's node affinity
 * allows it and every unbound WaitForFirstConsumer claim can get a volume there: an available
 * volume whose node affinity allows the node, else dynamic provisioning within the class's
 * allowedTopologies. PreBind sets {@value #SELECTED_NODE} on those claims, which tells the PV
 * controller and the provisioner which node the volume must be on.
 */
public final class VolumeBinding implements PreFilterPlugin, FilterPlugin, PreBindPlugin {
    public static final String NAME = "VolumeBinding";
    static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";
    static final String UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
    static final String NODE_CONFLICT = "node(s) had volume node affinity conflict";
    static final String BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
    static final String PV_NOT_FOUND = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
    /** The provisioner name of classes whose volumes are only ever created by hand. */
    private static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";
    private static final String STATE_KEY = "PreFilter" + NAME;

    /** Writes the selected-node annotation on a claim; completes exceptionally when the server refused it. */
    @FunctionalInterface
    public interface SelectedNodeWriter {
        CompletableFuture<Void> selectNode(String namespace, String claim, String node);
    }

    /** An unbound claim of a WaitForFirstConsumer class, with the existing volumes it could bind to. */
    record DelayedClaim(PersistentVolumeClaim claim, StorageClass storageClass, List<PersistentVolume> candidates) {
    }

    /** What Filter checks per node: the bound volumes (one was not found) and the delayed claims. */
    record PodVolumes(List<PersistentVolume> bound, boolean boundVolumeMissing, List<DelayedClaim> delayed)
            implements CycleState.Data {
        @Override
        public PodVolumes copy() {
            return this;
        }
    }

    /** A claim a pod uses: named in a persistentVolumeClaim volume, or made for an ephemeral volume. */
    private record PodClaim(String name, boolean ephemeral) {
    }

    private final StorageObjects storage;
    private final SelectedNodeWriter writer;

    public VolumeBinding(StorageObjects storage, SelectedNodeWriter writer) {
        this.storage = storage;
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ClusterEvent> requeueEvents() {
        return Set.of(ClusterEvent.PVC_ADD, ClusterEvent.PVC_UPDATE, ClusterEvent.PV_ADD, ClusterEvent.PV_UPDATE,
                ClusterEvent.STORAGE_CLASS_ADD, ClusterEvent.STORAGE_CLASS_UPDATE, ClusterEvent.NODE_ADD,
                ClusterEvent.NODE_LABEL);
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
        List<PodClaim> podClaims = claimsOf(pod);
        if (podClaims.isEmpty()) {
            return PreFilterResult.of(Status.skip());
        }
        List<PersistentVolume> bound = new ArrayList<>();
        List<DelayedClaim> delayed = new ArrayList<>();
        boolean boundVolumeMissing = false;
        boolean unboundImmediate = false;
        for (PodClaim podClaim : podClaims) {
            PersistentVolumeClaim claim = storage.claim(pod.namespace(), podClaim.name());
            if (claim == null) {
                return PreFilterResult.of(Status.unresolvable(podClaim.ephemeral()
                        ? "waiting for ephemeral volume controller to create the persistentvolumeclaim \"" + podClaim.name() + "\""
                        : "persistentvolumeclaim \"" + podClaim.name() + "\" not found"));
            }
            if (claim.getMetadata().getDeletionTimestamp() != null) {
                return PreFilterResult.of(Status.unresolvable("persistentvolumeclaim \"" + podClaim.name() + "\" is being deleted"));
            }
            String volumeName = claim.getSpec().getVolumeName();
            if (volumeName != null && !volumeName.isEmpty()) {
                PersistentVolume volume = storage.volume(volumeName);
                boundVolumeMissing |= volume == null;
                if (volume != null) {
                    bound.add(volume);
                }
                continue;
            }
            StorageClass storageClass = storage.storageClass(className(claim));
            if (storageClass == null || !"WaitForFirstConsumer".equals(storageClass.getVolumeBindingMode())) {
                unboundImmediate = true;
            } else {
                delayed.add(new DelayedClaim(claim, storageClass, VolumeMatcher.candidates(claim, className(claim), storage.volumes())));
            }
        }
        if (unboundImmediate) {
            return PreFilterResult.of(Status.unresolvable(UNBOUND_IMMEDIATE));
        }
        state.write(STATE_KEY, new PodVolumes(List.copyOf(bound), boundVolumeMissing, List.copyOf(delayed)));
        return PreFilterResult.success();
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        PodVolumes volumes = state.read(STATE_KEY, PodVolumes.class);
        if (volumes.boundVolumeMissing()) {
            return Status.unresolvable(PV_NOT_FOUND);
        }
        List<String> reasons = new ArrayList<>(2);
        if (!volumes.bound().stream().allMatch(pv -> allowsNode(pv, node))) {
            reasons.add(NODE_CONFLICT);
        }
        for (DelayedClaim claim : volumes.delayed()) {
            boolean existingFits = claim.candidates().stream().anyMatch(pv -> allowsNode(pv, node));
            if (!existingFits && !canProvisionOn(claim.storageClass(), node)) {
                reasons.add(BIND_CONFLICT);
                break;
            }
        }
        return reasons.isEmpty() ? Status.SUCCESS : Status.unresolvable(reasons.toArray(String[]::new));
    }

    /** Annotates the pod's unbound WaitForFirstConsumer claims with the chosen node (those not already saying so). */
    @Override
    public CompletableFuture<Void> preBind(PodInfo pod, String nodeName) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (PodClaim podClaim : claimsOf(pod)) {
            PersistentVolumeClaim claim = storage.claim(pod.namespace(), podClaim.name());
            if (claim == null || claim.getSpec().getVolumeName() != null && !claim.getSpec().getVolumeName().isEmpty()) {
                continue;
            }
            StorageClass storageClass = storage.storageClass(className(claim));
            Map<String, String> annotations = claim.getMetadata().getAnnotations();
            if (storageClass != null && "WaitForFirstConsumer".equals(storageClass.getVolumeBindingMode())
                    && (annotations == null || !nodeName.equals(annotations.get(SELECTED_NODE)))) {
                writes.add(writer.selectNode(pod.namespace(), podClaim.name(), nodeName));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private static List<PodClaim> claimsOf(PodInfo pod) {
        List<Volume> volumes = pod.spec().getVolumes();
        if (volumes == null || volumes.isEmpty()) {
            return List.of();
        }
        List<PodClaim> claims = new ArrayList<>();
        for (Volume v : volumes) {
            if (v.getPersistentVolumeClaim() != null) {
                claims.add(new PodClaim(v.getPersistentVolumeClaim().getClaimName(), false));
            } else if (v.getEphemeral() != null) {
                claims.add(new PodClaim(pod.name() + "-" + v.getName(), true));
            }
        }
        return claims;
    }

    /** The claim's class as written ("" when none: such a claim binds immediately, as upstream reads it). */
    static String className(PersistentVolumeClaim claim) {
        String name = claim.getSpec().getStorageClassName();
        return name == null ? "" : name;
    }

    /** The volume's required node affinity admits the node (a volume without one fits anywhere). */
    static boolean allowsNode(PersistentVolume volume, NodeInfo node) {
        if (volume.getSpec().getNodeAffinity() == null || volume.getSpec().getNodeAffinity().getRequired() == null) {
            return true;
        }
        return Selectors.matchesAny(volume.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms(), node);
    }

    /** The class provisions volumes and its allowedTopologies (if any) include the node: any term whose every requirement its labels meet. */
    private static boolean canProvisionOn(StorageClass storageClass, NodeInfo node) {
        if (NO_PROVISIONER.equals(storageClass.getProvisioner())) {
            return false;
        }
        List<TopologySelectorTerm> terms = storageClass.getAllowedTopologies();
        if (terms == null || terms.isEmpty()) {
            return true;
        }
        for (TopologySelectorTerm term : terms) {
            List<TopologySelectorLabelRequirement> requirements =
                    term.getMatchLabelExpressions() == null ? List.of() : term.getMatchLabelExpressions();
            if (requirements.stream().allMatch(r -> r.getValues().contains(node.labels().get(r.getKey())))) {
                return true;
            }
        }
        return false;
    }
}
