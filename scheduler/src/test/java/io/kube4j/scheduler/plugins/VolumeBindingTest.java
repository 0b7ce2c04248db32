package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySelectorTermBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.testing.FakeWrites;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeBindingTest {
    private static final String ZONE = "topology.kubernetes.io/zone";
    private final StorageObjects storage = new StorageObjects();
    private final FakeWrites writes = new FakeWrites();
    private final VolumeBinding plugin = new VolumeBinding(storage, writes::selectNode);
    private final NodeInfo n1 = new NodeInfo(node("n1", "4", "8Gi", 110).editMetadata().addToLabels(ZONE, "z1").endMetadata().build());
    private final NodeInfo n2 = new NodeInfo(node("n2", "4", "8Gi", 110).editMetadata().addToLabels(ZONE, "z2").endMetadata().build());
    private final Snapshot snapshot = Snapshot.of(List.of(n1, n2));

    private static PodInfo podWithClaim(String claim) {
        return PodInfo.of(pod("p", null, null).editSpec().addNewVolume().withName("data")
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().endVolume().endSpec().build());
    }

    private static PersistentVolumeClaimBuilder claim(String name, String className) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("default").withUid("uid-" + name)
                .endMetadata().withNewSpec().withStorageClassName(className).withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec();
    }

    private void storageClass(String name, String mode, String provisioner) {
        storage.putClass(new StorageClassBuilder().withNewMetadata().withName(name).endMetadata()
                .withProvisioner(provisioner).withVolumeBindingMode(mode).build());
    }

    /** An Available hostPath volume of {@code className} that only {@code node} can mount. */
    private static PersistentVolumeBuilder localVolume(String name, String className, String node) {
        return new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withCapacity(Map.of("storage", new Quantity("2Gi"))).withAccessModes("ReadWriteOnce")
                .withStorageClassName(className).withNewHostPath().withPath("/data/" + name).endHostPath()
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey("kubernetes.io/hostname").withOperator("In").withValues(node)
                .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity().endSpec()
                .withNewStatus().withPhase("Available").endStatus();
    }

    private Status preFilter(CycleState state, PodInfo pod) {
        PreFilterResult r = plugin.preFilter(state, pod, snapshot);
        return r.status();
    }

    @Test
    void podsWithoutClaimsSkipThePlugin() {
        assertTrue(preFilter(new CycleState(), PodInfo.of(pod("p"))).isSkip());
    }

    @Test
    void aMissingClaimIsUnresolvable() {
        Status s = preFilter(new CycleState(), podWithClaim("data"));
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("persistentvolumeclaim \"data\" not found", s.message());
    }

    @Test
    void aClaimBeingDeletedIsUnresolvable() {
        storage.putClaim(claim("data", "fast").editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build());
        assertEquals("persistentvolumeclaim \"data\" is being deleted", preFilter(new CycleState(), podWithClaim("data")).message());
    }

    @Test
    void anUnboundImmediateClaimKeepsThePodWaiting() {
        storageClass("standard", "Immediate", "example.com/disk");
        storage.putClaim(claim("data", "standard").build());
        Status s = preFilter(new CycleState(), podWithClaim("data"));
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("pod has unbound immediate PersistentVolumeClaims", s.message());
        storage.putClaim(claim("classless", null).build());
        assertEquals("pod has unbound immediate PersistentVolumeClaims", preFilter(new CycleState(), podWithClaim("classless")).message());
    }

    @Test
    void aBoundVolumesNodeAffinityPicksTheNode() {
        PersistentVolume pv = localVolume("pv-n2", "local", "n2").editStatus().withPhase("Bound").endStatus().build();
        storage.putVolume(pv);
        storage.putClaim(claim("data", "local").editSpec().withVolumeName("pv-n2").endSpec().build());
        CycleState state = new CycleState();
        PodInfo pod = podWithClaim("data");
        assertTrue(preFilter(state, pod).isSuccess());
        Status onN1 = plugin.filter(state, pod, n1);
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, onN1.code());
        assertEquals("node(s) had volume node affinity conflict", onN1.message());
        assertTrue(plugin.filter(state, pod, n2).isSuccess());
    }

    @Test
    void aClaimBoundToAMissingVolumeFitsNowhere() {
        storage.putClaim(claim("data", "local").editSpec().withVolumeName("gone").endSpec().build());
        CycleState state = new CycleState();
        PodInfo pod = podWithClaim("data");
        assertTrue(preFilter(state, pod).isSuccess());
        assertEquals("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)", plugin.filter(state, pod, n1).message());
    }

    @Test
    void waitForFirstConsumerWithoutProvisionerNeedsAnAvailableVolumeOnTheNode() {
        storageClass("local", "WaitForFirstConsumer", "kubernetes.io/no-provisioner");
        storage.putVolume(localVolume("pv-n2", "local", "n2").build());
        storage.putVolume(localVolume("too-small", "local", "n1").editSpec()
                .withCapacity(Map.of("storage", new Quantity("500Mi"))).endSpec().build());
        storage.putClaim(claim("data", "local").build());
        CycleState state = new CycleState();
        PodInfo pod = podWithClaim("data");
        assertTrue(preFilter(state, pod).isSuccess());
        assertEquals("node(s) didn't find available persistent volumes to bind", plugin.filter(state, pod, n1).message());
        assertTrue(plugin.filter(state, pod, n2).isSuccess());
    }

    @Test
    void waitForFirstConsumerProvisioningHonoursAllowedTopologies() {
        storage.putClass(new StorageClassBuilder().withNewMetadata().withName("zonal").endMetadata()
                .withProvisioner("rancher.io/local-path").withVolumeBindingMode("WaitForFirstConsumer")
                .withAllowedTopologies(new TopologySelectorTermBuilder().addNewMatchLabelExpression().withKey(ZONE).withValues("z1")
                        .endMatchLabelExpression().build()).build());
        storage.putClaim(claim("data", "zonal").build());
        CycleState state = new CycleState();
        PodInfo pod = podWithClaim("data");
        assertTrue(preFilter(state, pod).isSuccess());
        assertTrue(plugin.filter(state, pod, n1).isSuccess());
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin.filter(state, pod, n2).code());
    }

    @Test
    void bindingAnnotatesWaitForFirstConsumerClaimsWithTheNodeBeforeTheBinding() {
        storageClass("local-path", "WaitForFirstConsumer", "rancher.io/local-path");
        storageClass("standard", "Immediate", "example.com/disk");
        storage.putClaim(claim("data", "local-path").build());
        storage.putClaim(claim("done", "local-path").editSpec().withVolumeName("pv-1").endSpec().build());
        PodInfo pod = PodInfo.of(pod("p", null, null).editSpec()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("done").withNewPersistentVolumeClaim().withClaimName("done").endPersistentVolumeClaim().endVolume()
                .endSpec().build());
        Framework framework = new Framework(new Nominator()).add(plugin).add(new DefaultBinder(writes::bind));
        framework.bind(pod.assumedOn("n1"), "n1").join();
        assertEquals(Map.of("default/data", "n1"), writes.selectedNodes);
        assertEquals(Map.of("default/p", "n1"), writes.bindings);
    }

    @Test
    void aClaimAlreadyAnnotatedForTheNodeIsNotWrittenAgain() {
        storageClass("local-path", "WaitForFirstConsumer", "rancher.io/local-path");
        storage.putClaim(claim("data", "local-path").editMetadata()
                .addToAnnotations("volume.kubernetes.io/selected-node", "n1").endMetadata().build());
        plugin.preBind(podWithClaim("data"), "n1").join();
        assertTrue(writes.selectedNodes.isEmpty());
    }
}
