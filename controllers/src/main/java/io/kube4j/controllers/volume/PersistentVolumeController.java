package io.kube4j.controllers.volume;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Binds claims to volumes as upstream's persistentvolume-binder: a pending claim gets the best
 * matching volume ({@link VolumeMatcher}) — the volume's claimRef first, then the claim's
 * volumeName, then both phases Bound — or an event saying what it waits for (a first consumer, an
 * external provisioner). A volume whose claim is gone is Released, and deleted when its reclaim
 * policy is Delete. Keys are {@code claim/<ns>/<name>} and {@code volume/<name>}.
 */
public final class PersistentVolumeController extends Controller {
    public static final String NAME = "persistentvolume-binder-controller";
    static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
    static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
    static final String STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
    static final String STORAGE_PROVISIONER_BETA = "volume.beta.kubernetes.io/storage-provisioner";
    private static final String CLAIM = "claim/";
    private static final String VOLUME = "volume/";

    private final ControllerContext context;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;
    private final SharedIndexInformer<PersistentVolume> volumes;
    private final SharedIndexInformer<StorageClass> classes;
    private final SharedIndexInformer<Pod> pods;
    /** The last event reason per claim, so a claim that keeps waiting is told once, not every sync. */
    private final Map<String, String> lastReason = new ConcurrentHashMap<>();

    public PersistentVolumeController(ControllerContext context) {
        super(NAME, 2);
        this.context = context;
        this.claims = context.informer(PersistentVolumeClaim.class);
        this.volumes = context.informer(PersistentVolume.class);
        this.classes = context.informer(StorageClass.class);
        this.pods = context.informer(Pod.class);
        // A claim's change (its deletion above all) also concerns the volume it is bound to.
        claims.addEventHandler(enqueueing(claim -> claim.getSpec().getVolumeName() == null ? List.of(CLAIM + keyOf(claim))
                : List.of(CLAIM + keyOf(claim), VOLUME + claim.getSpec().getVolumeName())));
        volumes.addEventHandler(enqueueing(this::keysForVolume));
        pods.addEventHandler(enqueueing(pod -> pod.getSpec().getNodeName() == null ? List.of()
                : Claims.claimNames(pod).stream().map(n -> CLAIM + pod.getMetadata().getNamespace() + "/" + n).toList()));
    }

    /** The volume itself, the claim it names, and — when it is free — every claim still waiting. */
    private List<String> keysForVolume(PersistentVolume pv) {
        var ref = pv.getSpec().getClaimRef();
        Stream<String> claimKeys = ref != null ? Stream.of(CLAIM + ref.getNamespace() + "/" + ref.getName())
                : claims.getStore().list().stream().filter(c -> c.getSpec().getVolumeName() == null).map(c -> CLAIM + keyOf(c));
        return Stream.concat(Stream.of(VOLUME + pv.getMetadata().getName()), claimKeys).toList();
    }

    @Override
    protected void sync(String key) {
        if (key.startsWith(CLAIM)) {
            String claimKey = key.substring(CLAIM.length());
            PersistentVolumeClaim claim = claims.getStore().getByKey(claimKey);
            if (claim == null) {
                lastReason.remove(claimKey);
            } else if (claim.getMetadata().getDeletionTimestamp() == null) {
                syncClaim(claimKey, claim);
            }
        } else {
            PersistentVolume pv = volumes.getStore().getByKey(key.substring(VOLUME.length()));
            if (pv != null) {
                syncVolume(pv);
            }
        }
    }

    private void syncClaim(String claimKey, PersistentVolumeClaim claim) {
        String volumeName = claim.getSpec().getVolumeName();
        if (volumeName != null && !volumeName.isEmpty()) {
            syncBoundClaim(claimKey, claim, volumes.getStore().getByKey(volumeName));
            return;
        }
        String className = Claims.className(claim, classes.getStore().list());
        StorageClass storageClass = className.isEmpty() ? null : classes.getStore().getByKey(className);
        boolean delay = Claims.waitsForFirstConsumer(storageClass);
        String node = Claims.selectedNode(claim, pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, claim.getMetadata().getNamespace()));
        Optional<PersistentVolume> match = VolumeMatcher.find(claim, className, volumes.getStore().list(), delay, node);
        if (match.isPresent()) {
            bind(match.get(), claim);
        } else if (className.isEmpty()) {
            once(claimKey, claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set");
        } else if (storageClass == null) {
            onceWarning(claimKey, claim, "ProvisioningFailed", "storageclass.storage.k8s.io \"" + className + "\" not found");
        } else if (delay && node == null) {
            once(claimKey, claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding");
        } else {
            awaitProvisioner(claimKey, claim, storageClass.getProvisioner());
        }
    }

    private void syncBoundClaim(String claimKey, PersistentVolumeClaim claim, PersistentVolume pv) {
        var ref = pv == null ? null : pv.getSpec().getClaimRef();
        if (pv == null) {
            setClaimPhase(claim, "Lost");
            onceWarning(claimKey, claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!");
        } else if (ref == null) {
            bind(pv, claim);
        } else if (Objects.equals(ref.getUid(), claim.getMetadata().getUid())) {
            completeClaim(claim, pv);
        } else {
            setClaimPhase(claim, "Lost");
            onceWarning(claimKey, claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly");
        }
    }

    private void syncVolume(PersistentVolume pv) {
        var ref = pv.getSpec().getClaimRef();
        if (ref == null) {
            setVolumePhase(pv, "Available");
            return;
        }
        PersistentVolumeClaim claim = claims.getStore().getByKey(ref.getNamespace() + "/" + ref.getName());
        boolean unboundClaimRef = ref.getUid() == null || ref.getUid().isEmpty();
        if (claim == null && !unboundClaimRef) {
            // Our cache may be behind a claim created just now: ask the API before letting the volume go.
            claim = context.client().persistentVolumeClaims().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
        }
        if (claim != null && (unboundClaimRef || ref.getUid().equals(claim.getMetadata().getUid()))) {
            setVolumePhase(pv, pv.getMetadata().getName().equals(claim.getSpec().getVolumeName()) ? "Bound" : "Available");
        } else if (unboundClaimRef) {
            setVolumePhase(pv, "Available");
        } else if ("Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
            context.client().persistentVolumes().withName(pv.getMetadata().getName()).delete();
        } else {
            setVolumePhase(pv, "Released");
        }
    }

    /** Binds in upstream's order: the volume's claimRef, its phase, then the claim's volumeName and phase. */
    private void bind(PersistentVolume pv, PersistentVolumeClaim claim) {
        boolean setByUs = pv.getSpec().getClaimRef() == null || pv.getSpec().getClaimRef().getUid() == null;
        PersistentVolume bound = context.client().persistentVolumes().withName(pv.getMetadata().getName()).edit(current -> {
            PersistentVolumeBuilder b = new PersistentVolumeBuilder(current).editSpec().withClaimRef(new ObjectReferenceBuilder()
                    .withKind("PersistentVolumeClaim").withApiVersion("v1").withNamespace(claim.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName()).withUid(claim.getMetadata().getUid())
                    .withResourceVersion(claim.getMetadata().getResourceVersion()).build()).endSpec();
            return setByUs ? b.editMetadata().addToAnnotations(BOUND_BY_CONTROLLER, "yes").endMetadata().build() : b.build();
        });
        setVolumePhase(bound, "Bound");
        context.client().persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                .withName(claim.getMetadata().getName()).edit(current -> new PersistentVolumeClaimBuilder(current)
                        .editMetadata().addToAnnotations(BIND_COMPLETED, "yes").addToAnnotations(BOUND_BY_CONTROLLER, "yes").endMetadata()
                        .editSpec().withVolumeName(pv.getMetadata().getName()).endSpec().build());
        completeClaim(claim, bound);
    }

    /** The claim's status as a bound claim: phase Bound with the volume's capacity and access modes. */
    private void completeClaim(PersistentVolumeClaim claim, PersistentVolume pv) {
        var status = claim.getStatus();
        if (status != null && "Bound".equals(status.getPhase()) && Objects.equals(status.getCapacity(), pv.getSpec().getCapacity())) {
            return;
        }
        context.client().persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                .withName(claim.getMetadata().getName()).editStatus(current -> new PersistentVolumeClaimBuilder(current)
                        .editOrNewStatus().withPhase("Bound").withCapacity(pv.getSpec().getCapacity())
                        .withAccessModes(pv.getSpec().getAccessModes()).endStatus().build());
        lastReason.remove(keyOf(claim));
    }

    private void awaitProvisioner(String claimKey, PersistentVolumeClaim claim, String provisioner) {
        Map<String, String> annotations = claim.getMetadata().getAnnotations();
        if (annotations == null || !provisioner.equals(annotations.get(STORAGE_PROVISIONER))) {
            context.client().persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName()).edit(current -> new PersistentVolumeClaimBuilder(current)
                            .editMetadata().addToAnnotations(STORAGE_PROVISIONER, provisioner)
                            .addToAnnotations(STORAGE_PROVISIONER_BETA, provisioner).endMetadata().build());
        }
        once(claimKey, claim, "ExternalProvisioning", "Waiting for a volume to be created either by the external provisioner '"
                + provisioner + "' or manually by the system administrator. If volume creation is delayed, please verify "
                + "that the provisioner is running and correctly registered.");
    }

    private void setVolumePhase(PersistentVolume pv, String phase) {
        if (pv.getStatus() == null || !phase.equals(pv.getStatus().getPhase())) {
            context.client().persistentVolumes().withName(pv.getMetadata().getName()).editStatus(current ->
                    new PersistentVolumeBuilder(current).editOrNewStatus().withPhase(phase).endStatus().build());
        }
    }

    private void setClaimPhase(PersistentVolumeClaim claim, String phase) {
        if (claim.getStatus() == null || !phase.equals(claim.getStatus().getPhase())) {
            context.client().persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
                    .withName(claim.getMetadata().getName()).editStatus(current -> new PersistentVolumeClaimBuilder(current)
                            .editOrNewStatus().withPhase(phase).endStatus().build());
        }
    }

    private void once(String claimKey, PersistentVolumeClaim claim, String reason, String message) {
        if (!reason.equals(lastReason.put(claimKey, reason))) {
            context.events().normal(claim, reason, message);
        }
    }

    private void onceWarning(String claimKey, PersistentVolumeClaim claim, String reason, String message) {
        if (!reason.equals(lastReason.put(claimKey, reason))) {
            context.events().warning(claim, reason, message);
        }
    }
}
