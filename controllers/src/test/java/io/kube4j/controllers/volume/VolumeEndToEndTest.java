package io.kube4j.controllers.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The default class appears; a claim used by a scheduled pod gets a local-path volume on its node; Delete reclaims it. */
class VolumeEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aClaimOfTheDefaultClassIsProvisionedOnItsPodsNodeBoundAndReclaimed() throws Exception {
        try (LiveCluster cluster = LiveCluster.start()) {
            KubernetesClient client = cluster.client();
            cluster.run(new DefaultStorageClassController(cluster.context()), new PersistentVolumeController(cluster.context()),
                    new LocalPathProvisioner(cluster.context(), new LocalPathSettings("/data/volumes")));
            StorageClass localPath = Poll.until(TIMEOUT, "the local-path class",
                    () -> client.storage().v1().storageClasses().withName("local-path").get(), Objects::nonNull);
            assertEquals("WaitForFirstConsumer", localPath.getVolumeBindingMode());
            assertEquals("true", localPath.getMetadata().getAnnotations().get(Claims.IS_DEFAULT_CLASS));

            PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace("default").resource(
                    new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata().withNewSpec()
                            .withAccessModes("ReadWriteOnce").withNewResources()
                            .withRequests(Map.of("storage", new Quantity("2Gi"))).endResources().endSpec().build()).create();
            Thread.sleep(300);
            assertEquals("Pending", client.persistentVolumeClaims().inNamespace("default").withName("data").get()
                    .getStatus().getPhase(), "waits for its first consumer");

            client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("user").endMetadata()
                    .withNewSpec().withNodeName("node-a").addNewContainer().withName("c").withImage("busybox").endContainer()
                    .addNewVolume().withName("v").withNewPersistentVolumeClaim().withClaimName("data")
                    .endPersistentVolumeClaim().endVolume().endSpec().build()).create();

            PersistentVolumeClaim bound = Poll.until(TIMEOUT, "the claim bound", () -> {
                PersistentVolumeClaim c = client.persistentVolumeClaims().inNamespace("default").withName("data").get();
                return "Bound".equals(c.getStatus().getPhase()) ? c : null;
            }, Objects::nonNull);
            String pvName = "pvc-" + claim.getMetadata().getUid();
            assertEquals(pvName, bound.getSpec().getVolumeName());
            assertEquals(new Quantity("2Gi"), bound.getStatus().getCapacity().get("storage"));
            PersistentVolume pv = Poll.until(TIMEOUT, "the volume bound", () -> {
                PersistentVolume v = client.persistentVolumes().withName(pvName).get();
                return v != null && "Bound".equals(v.getStatus().getPhase()) ? v : null;
            }, Objects::nonNull);
            assertEquals("/data/volumes/" + pvName, pv.getSpec().getHostPath().getPath());
            assertEquals("local-path", pv.getSpec().getStorageClassName());
            assertEquals("Delete", pv.getSpec().getPersistentVolumeReclaimPolicy());
            assertEquals("node-a", pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms().get(0)
                    .getMatchExpressions().get(0).getValues().get(0));
            assertEquals(claim.getMetadata().getUid(), pv.getSpec().getClaimRef().getUid());

            client.persistentVolumeClaims().inNamespace("default").withName("data").delete();
            Poll.until(TIMEOUT, "the volume deleted with its claim",
                    () -> client.persistentVolumes().withName(pvName).get() == null);
        }
    }
}
