package io.kube4j.controllers.gc;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.deployment;
import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.TestInformers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
    private final TestInformers informers = new TestInformers();
    private final FakeWriter writer = new FakeWriter()
            .mirror(Pod.class, informers.of(Pod.class))
            .mirror(ReplicaSet.class, informers.of(ReplicaSet.class))
            .mirror(Deployment.class, informers.of(Deployment.class));
    /** What the API holds beyond the caches (owners of kinds the collector does not watch). */
    private final Map<String, HasMetadata> apiOnly = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final RateLimitingQueue<String> queue = TestInformers.queue();
    private final GarbageCollector gc = new GarbageCollector(informers.factory(),
            List.of(Pod.class, ReplicaSet.class, Deployment.class), writer,
            (apiVersion, kind, ns, name) -> {
                lookups.add(kind + " " + name);
                return apiOnly.get(kind + "/" + name);
            }, queue);

    @AfterEach
    void close() {
        informers.close();
    }

    private static String key(HasMetadata obj) {
        return HasMetadata.getApiVersion(obj.getClass()) + "/" + obj.getKind() + "|default/" + obj.getMetadata().getName();
    }

    private static <T extends HasMetadata> T beingDeleted(T obj, String finalizer) {
        obj.getMetadata().setDeletionTimestamp("2030-01-01T00:00:00Z");
        obj.getMetadata().setFinalizers(new ArrayList<>(List.of(finalizer)));
        return obj;
    }

    /** Runs every queued sync, as the workers would. */
    private void drain() throws InterruptedException {
        while (gc.processNext(0)) {
            // keep going
        }
    }

    @Test
    void anObjectWhoseOwnerIsGoneIsDeletedInTheBackground() {
        Deployment gone = deployment("web", 1, template("nginx"));
        ReplicaSet rs = informers.seed(owned(replicaSet("web-abc", 1, template("nginx")), gone));

        gc.sync(key(rs));

        assertEquals(List.of("delete ReplicaSet web-abc Background"), writer.actions());
        assertEquals(List.of("Deployment web"), lookups, "a cache miss is confirmed with the API");
    }

    @Test
    void anObjectWithALiveOwnerStaysAndLosesOnlyItsDanglingReference() {
        Deployment live = informers.seed(deployment("web", 1, template("nginx")));
        ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                .withUid("cm-uid").endMetadata().build();
        apiOnly.put("ConfigMap/settings", config);
        ReplicaSet rs = replicaSet("web-abc", 1, template("nginx"));
        rs.getMetadata().setOwnerReferences(List.of(Owners.controllerRef(live),
                new OwnerReference("v1", null, null, "ConfigMap", "settings", "cm-uid"),
                new OwnerReference("v1", null, null, "ConfigMap", "removed", "old-uid")));
        informers.seed(rs);

        gc.sync(key(rs));

        assertEquals(List.of("owners ReplicaSet web-abc [Deployment:web,ConfigMap:settings]"), writer.actions());
    }

    @Test
    void foregroundDeletionDeletesDependentsFirstThenRemovesTheFinalizer() throws InterruptedException {
        Deployment d = informers.seed(beingDeleted(deployment("web", 1, template("nginx")), "foregroundDeletion"));
        ReplicaSet rs = informers.seed(owned(replicaSet("web-abc", 1, template("nginx")), d));
        informers.seed(owned(pod("web-abc-1", APP_WEB, null), rs));

        gc.sync(key(d));
        drain();

        assertEquals(List.of("delete ReplicaSet web-abc Foreground"), writer.actions(),
                "the ReplicaSet has pods of its own: it goes in the foreground too, the deployment keeps waiting");
        writer.clear();

        gc.sync(key(d));
        assertEquals(List.of("finalizer- Deployment web foregroundDeletion"), writer.actions());
    }

    @Test
    void orphanDeletionStripsTheReferencesToTheOwnerThenRemovesTheFinalizer() {
        Deployment d = informers.seed(beingDeleted(deployment("web", 1, template("nginx")), "orphan"));
        informers.seed(owned(replicaSet("web-abc", 1, template("nginx")), d));
        informers.seed(owned(replicaSet("web-def", 0, template("nginx:2")), d));

        gc.sync(key(d));

        List<String> actions = writer.actions();
        assertEquals(List.of("owners ReplicaSet web-abc []", "owners ReplicaSet web-def []"),
                actions.subList(0, 2).stream().sorted().toList());
        assertEquals("finalizer- Deployment web orphan", actions.getLast(), "the finalizer goes last");
    }

    @Test
    void objectsWithoutOwnersAreLeftAlone() {
        Pod pod = informers.seed(pod("standalone", APP_WEB, null));

        gc.sync(key(pod));

        assertEquals(List.of(), writer.actions());
        assertEquals(List.of(), lookups);
    }

    private static <T extends HasMetadata> T owned(T obj, HasMetadata owner) {
        obj.getMetadata().setOwnerReferences(List.of(Owners.controllerRef(owner)));
        return obj;
    }
}
