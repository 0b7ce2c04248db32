package io.kube4j.controllers.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeMatcherTest {

    static PersistentVolumeClaim claim(String size, String className, String... modes) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withNamespace("default").withUid("claim-uid")
                .endMetadata().withNewSpec().withStorageClassName(className).withAccessModes(modes)
                .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources().endSpec().build();
    }

    static PersistentVolumeBuilder volume(String name, String size, String className, String... modes) {
        return new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withCapacity(Map.of("storage", new Quantity(size))).withAccessModes(modes)
                .withStorageClassName(className).withNewHostPath().withPath("/tmp/" + name).endHostPath().endSpec()
                .withNewStatus().withPhase("Available").endStatus();
    }

    private static Optional<String> pick(PersistentVolumeClaim claim, String className, List<PersistentVolume> volumes) {
        return VolumeMatcher.find(claim, className, volumes, false, null).map(pv -> pv.getMetadata().getName());
    }

    @Test
    void theSmallestVolumeThatFitsWins() {
        List<PersistentVolume> volumes = List.of(volume("big", "10Gi", "fast", "ReadWriteOnce").build(),
                volume("small", "1Gi", "fast", "ReadWriteOnce").build(),
                volume("fits", "2Gi", "fast", "ReadWriteOnce", "ReadOnlyMany").build());
        assertEquals(Optional.of("fits"), pick(claim("1500Mi", "fast", "ReadWriteOnce"), "fast", volumes));
    }

    @Test
    void classAccessModesPhaseAndClaimsRuleVolumesOut() {
        PersistentVolumeClaim claim = claim("1Gi", "fast", "ReadWriteMany");
        List<PersistentVolume> volumes = List.of(
                volume("other-class", "5Gi", "slow", "ReadWriteMany").build(),
                volume("rwo-only", "5Gi", "fast", "ReadWriteOnce").build(),
                volume("pending", "5Gi", "fast", "ReadWriteMany").editStatus().withPhase("Pending").endStatus().build(),
                volume("taken", "5Gi", "fast", "ReadWriteMany").editSpec().withNewClaimRef().withNamespace("default")
                        .withName("other").withUid("other-uid").endClaimRef().endSpec().build());
        assertTrue(pick(claim, "fast", volumes).isEmpty());
    }

    @Test
    void aVolumePreboundToTheClaimWinsOverBetterFits() {
        PersistentVolume prebound = volume("prebound", "50Gi", "fast", "ReadWriteOnce").editSpec().withNewClaimRef()
                .withNamespace("default").withName("data").endClaimRef().endSpec().editStatus().withPhase("Pending").endStatus().build();
        List<PersistentVolume> volumes = List.of(volume("fits", "1Gi", "fast", "ReadWriteOnce").build(), prebound);
        assertEquals(Optional.of("prebound"), pick(claim("1Gi", "fast", "ReadWriteOnce"), "fast", volumes));
    }

    @Test
    void delayedBindingWaitsForANodeAndHonoursNodeAffinity() {
        PersistentVolume onNodeA = volume("on-a", "1Gi", "local", "ReadWriteOnce").editSpec().withNewNodeAffinity()
                .withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression().withKey("kubernetes.io/hostname")
                .withOperator("In").withValues("node-a").endMatchExpression().endNodeSelectorTerm().endRequired()
                .endNodeAffinity().endSpec().build();
        PersistentVolumeClaim claim = claim("1Gi", "local", "ReadWriteOnce");
        assertTrue(VolumeMatcher.find(claim, "local", List.of(onNodeA), true, null).isEmpty(), "no node chosen yet");
        assertTrue(VolumeMatcher.find(claim, "local", List.of(onNodeA), true, "node-b").isEmpty());
        assertEquals("on-a", VolumeMatcher.find(claim, "local", List.of(onNodeA), true, "node-a").orElseThrow().getMetadata().getName());
    }

    @Test
    void aClaimWithoutClassGetsTheDefaultClassAndItsNodeFromItsPod() {
        StorageClass standard = new StorageClassBuilder().withNewMetadata().withName("standard").endMetadata().build();
        StorageClass local = new StorageClassBuilder().withNewMetadata().withName("local-path")
                .withAnnotations(Map.of(Claims.IS_DEFAULT_CLASS, "true")).endMetadata().build();
        assertEquals("local-path", Claims.className(claim("1Gi", null, "ReadWriteOnce"), List.of(standard, local)));
        assertEquals("", Claims.className(claim("1Gi", "", "ReadWriteOnce"), List.of(standard, local)));

        var pod = new PodBuilder().withNewMetadata().withName("user").withNamespace("default").endMetadata()
                .withNewSpec().withNodeName("node-b").addNewVolume().withName("v").withNewPersistentVolumeClaim()
                .withClaimName("data").endPersistentVolumeClaim().endVolume().endSpec().build();
        assertEquals("node-b", Claims.selectedNode(claim("1Gi", null, "ReadWriteOnce"), List.of(pod)));
        PersistentVolumeClaim annotated = new PersistentVolumeClaimBuilder(claim("1Gi", null, "ReadWriteOnce"))
                .editMetadata().addToAnnotations(Claims.SELECTED_NODE, "node-c").endMetadata().build();
        assertEquals("node-c", Claims.selectedNode(annotated, List.of(pod)));
    }
}
