package io.kube4j.controllers.volume;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dynamic provisioner behind the {@value LocalPathSettings#PROVISIONER} storage classes: for a
 * pending claim of such a class, once a node is chosen (the scheduler's selected-node annotation, or
 * the node of a pod using the claim), creates a hostPath PersistentVolume {@code pvc-<claim uid>} at
 * {@code <storageRoot>/<pv name>} with node affinity to that node, pre-bound to the claim so the
 * binder completes the binding. Only the API objects: the node agent makes the directory. Keys are
 * claim keys.
 */
public final class LocalPathProvisioner extends Controller {
    public static final String NAME = "local-path-provisioner";
    static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";

    private final ControllerContext context;
    private final LocalPathSettings settings;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;
    private final SharedIndexInformer<PersistentVolume> volumes;
    private final SharedIndexInformer<StorageClass> classes;
    private final SharedIndexInformer<Pod> pods;

    public LocalPathProvisioner(ControllerContext context, LocalPathSettings settings) {
        super(NAME, 1);
        this.context = context;
        this.settings = settings;
        this.claims = context.informer(PersistentVolumeClaim.class);
        this.volumes = context.informer(PersistentVolume.class);
        this.classes = context.informer(StorageClass.class);
        this.pods = context.informer(Pod.class);
        claims.addEventHandler(enqueueing(claim -> List.of(keyOf(claim))));
        pods.addEventHandler(enqueueing(pod -> pod.getSpec().getNodeName() == null ? List.of()
                : Claims.claimNames(pod).stream().map(n -> pod.getMetadata().getNamespace() + "/" + n).toList()));
    }

    public LocalPathProvisioner(ControllerContext context) {
        this(context, LocalPathSettings.defaults());
    }

    @Override
    protected void sync(String claimKey) {
        PersistentVolumeClaim claim = claims.getStore().getByKey(claimKey);
        if (claim == null || claim.getMetadata().getDeletionTimestamp() != null
                || claim.getSpec().getVolumeName() != null && !claim.getSpec().getVolumeName().isEmpty()) {
            return;
        }
        String className = Claims.className(claim, classes.getStore().list());
        StorageClass storageClass = className.isEmpty() ? null : classes.getStore().getByKey(className);
        String pvName = "pvc-" + claim.getMetadata().getUid();
        if (storageClass == null || !LocalPathSettings.PROVISIONER.equals(storageClass.getProvisioner())
                || volumes.getStore().getByKey(pvName) != null) {
            return;
        }
        String node = Claims.selectedNode(claim, pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, claim.getMetadata().getNamespace()));
        if (node == null) {
            if (!Claims.waitsForFirstConsumer(storageClass)) {
                context.events().warning(claim, "ProvisioningFailed", "failed to provision volume with StorageClass \""
                        + className + "\": configuration error, no node was specified");
            }
            return;
        }
        context.events().normal(claim, "Provisioning",
                "External provisioner is provisioning volume for claim \"" + claimKey + "\"");
        try {
            context.client().persistentVolumes().resource(volumeFor(claim, storageClass, pvName, node)).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return; // provisioned already, our cache had not seen it
            }
            context.events().warning(claim, "ProvisioningFailed",
                    "failed to provision volume with StorageClass \"" + className + "\": " + e.getMessage());
            throw e;
        }
        context.events().normal(claim, "ProvisioningSucceeded", "Successfully provisioned volume " + pvName);
    }

    private PersistentVolume volumeFor(PersistentVolumeClaim claim, StorageClass storageClass, String pvName, String node) {
        String root = settings.storageRoot().endsWith("/") ? settings.storageRoot() : settings.storageRoot() + "/";
        return new PersistentVolumeBuilder()
                .withNewMetadata().withName(pvName)
                .withAnnotations(Map.of(PROVISIONED_BY, LocalPathSettings.PROVISIONER))
                .endMetadata()
                .withNewSpec()
                .withCapacity(Map.of("storage", claim.getSpec().getResources().getRequests().get("storage")))
                .withAccessModes(claim.getSpec().getAccessModes())
                .withPersistentVolumeReclaimPolicy(Objects.requireNonNullElse(storageClass.getReclaimPolicy(), "Delete"))
                .withStorageClassName(storageClass.getMetadata().getName())
                .withVolumeMode(claim.getSpec().getVolumeMode())
                .withNewHostPath().withPath(root + pvName).withType("DirectoryOrCreate").endHostPath()
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey(VolumeMatcher.HOSTNAME_LABEL).withOperator("In").withValues(node)
                .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity()
                .withClaimRef(new ObjectReferenceBuilder().withKind("PersistentVolumeClaim").withApiVersion("v1")
                        .withNamespace(claim.getMetadata().getNamespace()).withName(claim.getMetadata().getName())
                        .withUid(claim.getMetadata().getUid()).withResourceVersion(claim.getMetadata().getResourceVersion()).build())
                .endSpec().build();
    }
}
