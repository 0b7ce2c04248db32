package io.kube4j.controllers.statefulset;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.Fixtures;
import io.kube4j.controllers.testing.TestInformers;
import io.kube4j.controllers.workload.ControllerHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** spec.persistentVolumeClaimRetentionPolicy as ownerReferences on claims, driven by sync on seeded caches. */
class StatefulSetClaimRetentionTest {
    private static final String RETAIN = "Retain";
    private static final String DELETE = "Delete";
    private static final String OLD_UID = "00000000-0000-0000-0000-000000000000";

    private final TestInformers informers = new TestInformers();
    /** Backs the controller history only: every test seeds the revision, so it never sends a request. */
    private final KubernetesClient nowhere = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    private final ControllerHistory history = new ControllerHistory(nowhere);
    private final FakeWriter writer = new FakeWriter()
            .mirror(PersistentVolumeClaim.class, informers.of(PersistentVolumeClaim.class))
            .mirror(Pod.class, informers.of(Pod.class));
    private final StatefulSetController controller = new StatefulSetController(informers.of(StatefulSet.class),
            informers.of(Pod.class), informers.of(ControllerRevision.class), informers.of(PersistentVolumeClaim.class),
            writer, history, (about, type, reason, message) -> { }, Clock.fixed(Instant.parse("2030-01-01T01:00:00Z"),
            ZoneOffset.UTC), TestInformers.queue());
    private String revision;

    @AfterEach
    void close() {
        informers.close();
        nowhere.close();
    }

    /**
     * Seeds set web (a www claim template, the given policy) with its one revision, and running pods
     * web-0 .. web-(existingPods-1), each with an unowned claim.
     */
    private StatefulSet seed(int replicas, String whenDeleted, String whenScaled, int existingPods) {
        PodTemplateSpec template = Fixtures.template("nginx");
        StatefulSet set = new StatefulSetBuilder()
                .withNewMetadata().withName("web").withNamespace(NS).withUid(Fixtures.uid("web")).withGeneration(1L)
                .withResourceVersion("1").endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName("nginx")
                .withSelector(new LabelSelector(null, new HashMap<>(APP_WEB))).withTemplate(template)
                .withPersistentVolumeClaimRetentionPolicy(
                        new StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted, whenScaled))
                .addNewVolumeClaimTemplate().withNewMetadata().withName("www").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec()
                .endVolumeClaimTemplate()
                .endSpec().build();
        Map<String, Object> data = history.templatePatch(template);
        revision = "web-" + history.hash(data, 0);
        informers.seed(new ControllerRevisionBuilder()
                .withNewMetadata().withName(revision).withNamespace(NS).withUid(Fixtures.uid(revision))
                .withOwnerReferences(Owners.controllerRef(set)).endMetadata()
                .withData(data).withRevision(1L).build());
        set.setStatus(new StatefulSetStatus());
        set.getStatus().setCurrentRevision(revision);
        set.getStatus().setUpdateRevision(revision);
        informers.seed(set);
        for (int ordinal = 0; ordinal < existingPods; ordinal++) {
            Map<String, String> labels = new HashMap<>(APP_WEB);
            labels.put(StatefulSetPods.REVISION_LABEL, revision);
            informers.seed(Fixtures.running(Fixtures.pod("web-" + ordinal, labels, set), "node-a", "2030-01-01T00:00:00Z"));
            informers.seed(claim("www-web-" + ordinal));
        }
        return set;
    }

    private static PersistentVolumeClaim claim(String name, OwnerReference... owners) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withUid(Fixtures.uid(name)).withResourceVersion("1")
                .withLabels(new HashMap<>(APP_WEB)).withOwnerReferences(owners).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").endSpec()
                .build();
    }

    private static OwnerReference controllerRef(String apiVersion, String kind, String name, String uid) {
        return new OwnerReference(apiVersion, true, true, kind, name, uid);
    }

    private static OwnerReference setRef() {
        return controllerRef("apps/v1", "StatefulSet", "web", Fixtures.uid("web"));
    }

    private static OwnerReference podRef(String pod) {
        return controllerRef("v1", "Pod", pod, Fixtures.uid(pod));
    }

    private PersistentVolumeClaim cachedClaim(String name) {
        return informers.of(PersistentVolumeClaim.class).getIndexer().getByKey(NS + "/" + name);
    }

    private List<String> ownerWrites() {
        return writer.actions("owners").stream().sorted().toList();
    }

    @Test
    void whenDeletedDeleteCreatesClaimsControlledByTheSet() {
        seed(1, DELETE, RETAIN, 0);

        controller.sync("default/web");

        PersistentVolumeClaim created = writer.written(PersistentVolumeClaim.class).getFirst();
        assertEquals("www-web-0", created.getMetadata().getName());
        assertEquals(List.of(setRef()), created.getMetadata().getOwnerReferences());
        assertEquals(List.of("create PersistentVolumeClaim www-web-0", "create Pod web-0"), writer.actions("create"));
    }

    @Test
    void theDefaultRetainPolicyCreatesClaimsWithoutOwners() {
        seed(1, RETAIN, RETAIN, 0);

        controller.sync("default/web");

        assertEquals(List.of(), writer.written(PersistentVolumeClaim.class).getFirst().getMetadata().getOwnerReferences());
    }

    @Test
    void switchingWhenDeletedToDeleteAndBackAddsAndRemovesTheSetReference() {
        StatefulSet set = seed(2, DELETE, RETAIN, 2);

        controller.sync("default/web");
        assertEquals(List.of("owners PersistentVolumeClaim www-web-0 [StatefulSet:web]",
                "owners PersistentVolumeClaim www-web-1 [StatefulSet:web]"), ownerWrites());
        assertEquals(List.of(setRef()), cachedClaim("www-web-1").getMetadata().getOwnerReferences());

        writer.clear();
        controller.sync("default/web");
        assertEquals(List.of(), ownerWrites(), "claims that match the policy are left alone");

        set.getSpec().getPersistentVolumeClaimRetentionPolicy().setWhenDeleted(RETAIN);
        informers.seed(set);
        controller.sync("default/web");
        assertEquals(List.of("owners PersistentVolumeClaim www-web-0 []", "owners PersistentVolumeClaim www-web-1 []"),
                ownerWrites());
    }

    @Test
    void whenScaledDeleteHandsTheClaimsOfCondemnedPodsToThePods() {
        seed(1, RETAIN, DELETE, 3);

        controller.sync("default/web");

        assertEquals(List.of("owners PersistentVolumeClaim www-web-1 [Pod:web-1]",
                "owners PersistentVolumeClaim www-web-2 [Pod:web-2]"), ownerWrites());
        assertEquals(List.of(podRef("web-1")), cachedClaim("www-web-1").getMetadata().getOwnerReferences());
        assertEquals(List.of(), Owners.of(cachedClaim("www-web-0")), "the kept ordinal's claim stays unowned");
        List<String> actions = writer.actions();
        assertEquals(List.of("delete Pod web-2 Background"), writer.actions("delete"));
        assertTrue(actions.indexOf("owners PersistentVolumeClaim www-web-2 [Pod:web-2]")
                < actions.indexOf("delete Pod web-2 Background"), "the claim is handed over before its pod goes");
    }

    @Test
    void scalingBackUpBeforeThePodsAreGoneTakesThePodReferencesAway() {
        seed(3, RETAIN, DELETE, 3);
        informers.seed(claim("www-web-1", podRef("web-1")));
        informers.seed(claim("www-web-2", podRef("web-2")));

        controller.sync("default/web");

        assertEquals(List.of("owners PersistentVolumeClaim www-web-1 []", "owners PersistentVolumeClaim www-web-2 []"),
                ownerWrites());
    }

    @Test
    void deleteOnBothMovesACondemnedClaimFromTheSetToItsPod() {
        seed(1, DELETE, DELETE, 3);
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            informers.seed(claim("www-web-" + ordinal, setRef()));
        }

        controller.sync("default/web");

        assertEquals(List.of("owners PersistentVolumeClaim www-web-1 [Pod:web-1]",
                "owners PersistentVolumeClaim www-web-2 [Pod:web-2]"), ownerWrites());
        assertEquals(List.of(setRef()), cachedClaim("www-web-0").getMetadata().getOwnerReferences());
    }

    @Test
    void retainOnScaleDownLeavesClaimsAlone() {
        seed(1, RETAIN, RETAIN, 3);

        controller.sync("default/web");

        assertEquals(List.of(), ownerWrites());
        assertEquals(List.of("delete Pod web-2 Background"), writer.actions("delete"));
    }

    @Test
    void aPodWaitsForTheClaimItsPredecessorStillOwns() {
        seed(2, RETAIN, DELETE, 1);
        PersistentVolumeClaim leftOver = informers.seed(claim("www-web-1", controllerRef("v1", "Pod", "web-1", OLD_UID)));

        controller.sync("default/web");
        assertEquals(List.of(), writer.actions("create"), "web-1 is not recreated onto a claim about to be deleted");

        informers.remove(leftOver);
        controller.sync("default/web");
        assertEquals(List.of("create PersistentVolumeClaim www-web-1", "create Pod web-1"), writer.actions("create"));
    }

    @Test
    void claimsOfAnotherControllerOrAnEarlierSetAreNotTakenOver() {
        seed(2, DELETE, RETAIN, 2);
        OwnerReference other = controllerRef("example.com/v1", "Database", "db", Fixtures.uid("db"));
        informers.seed(claim("www-web-0", other));
        informers.seed(claim("www-web-1", controllerRef("apps/v1", "StatefulSet", "web", OLD_UID)));

        controller.sync("default/web");

        assertEquals(List.of(), ownerWrites());
    }

    @Test
    void ourReferenceIsRemovedFromAClaimAnotherControllerManages() {
        seed(1, DELETE, RETAIN, 1);
        OwnerReference other = controllerRef("example.com/v1", "Database", "db", Fixtures.uid("db"));
        informers.seed(claim("www-web-0", other, new OwnerReference("apps/v1", null, null, "StatefulSet", "web",
                Fixtures.uid("web"))));

        controller.sync("default/web");

        assertEquals(List.of("owners PersistentVolumeClaim www-web-0 [Database:db]"), ownerWrites());
    }

    @Test
    void aNonControllerSetReferenceIsRewrittenAsTheController() {
        seed(1, DELETE, RETAIN, 1);
        informers.seed(claim("www-web-0", new OwnerReference("apps/v1", null, null, "StatefulSet", "web",
                Fixtures.uid("web"))));

        controller.sync("default/web");

        assertEquals(List.of("owners PersistentVolumeClaim www-web-0 [StatefulSet:web]"), ownerWrites());
        assertEquals(List.of(setRef()), cachedClaim("www-web-0").getMetadata().getOwnerReferences());
    }
}
