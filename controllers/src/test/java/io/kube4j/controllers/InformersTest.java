package io.kube4j.controllers;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.testing.TestInformers;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InformersTest {
    private final TestInformers informers = new TestInformers();
    private final SharedIndexInformer<Pod> pods = informers.of(Pod.class);
    private final ReplicaSet web = replicaSet("web", 1, template("nginx"));
    private final ReplicaSet other = replicaSet("other", 1, template("nginx"));

    @AfterEach
    void close() {
        informers.close();
    }

    private static List<String> names(Collection<Pod> found) {
        return found.stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    private static Pod inNamespace(Pod pod, String namespace) {
        return new PodBuilder(pod).editMetadata().withNamespace(namespace).endMetadata().build();
    }

    @Test
    void controlledByFindsOnlyTheOwnersControlledObjectsOfTheNamespace() {
        informers.seed(pod("mine", APP_WEB, web));
        informers.seed(pod("theirs", APP_WEB, other));
        informers.seed(pod("orphan", APP_WEB, null));
        informers.seed(inNamespace(pod("mine-elsewhere", APP_WEB, web), "elsewhere"));
        Pod ownedNotControlled = pod("owned-not-controlled", APP_WEB, null);
        ownedNotControlled.getMetadata().setOwnerReferences(List.of(
                new OwnerReference("apps/v1", true, false, "ReplicaSet", "web", web.getMetadata().getUid())));
        informers.seed(ownedNotControlled);

        assertEquals(List.of("mine"), names(Informers.controlledBy(pods, "default", web.getMetadata().getUid())));
        assertEquals(List.of("orphan", "owned-not-controlled"), names(Informers.orphansIn(pods, "default")));
        assertEquals(List.of("mine", "orphan", "owned-not-controlled"), names(Informers.claimable(pods, web)));
    }

    @Test
    void theIndexesFollowOwnerReferenceChanges() {
        Pod pod = informers.seed(pod("moving", APP_WEB, other));
        assertEquals(List.of(), names(Informers.claimable(pods, web)));

        informers.seed(new PodBuilder(pod).editMetadata().withOwnerReferences().endMetadata().build());
        assertEquals(List.of("moving"), names(Informers.orphansIn(pods, "default")), "released by other");
        assertEquals(List.of(), names(Informers.controlledBy(pods, "default", other.getMetadata().getUid())));

        informers.seed(new PodBuilder(pod).editMetadata().withOwnerReferences(Owners.controllerRef(web)).endMetadata().build());
        assertEquals(List.of("moving"), names(Informers.controlledBy(pods, "default", web.getMetadata().getUid())));
        assertEquals(List.of(), names(Informers.orphansIn(pods, "default")), "adopted by web");

        informers.remove(pod);
        assertEquals(List.of(), names(Informers.claimable(pods, web)));
    }

    @Test
    void anInformerCreatedElsewhereIsIndexedOnceWithWhatItAlreadyHolds() {
        try (TestInformers fresh = new TestInformers()) {
            SharedIndexInformer<Pod> direct = fresh.factory().sharedIndexInformerFor(Pod.class, 0);
            TestInformers.cache(direct).put(pod("early", APP_WEB, web));

            SharedIndexInformer<Pod> shared = Informers.shared(fresh.factory(), Pod.class);
            assertSame(direct, shared);
            assertSame(shared, Informers.shared(fresh.factory(), Pod.class), "a second caller gets the same informer");
            assertEquals(List.of("early"), names(Informers.controlledBy(shared, "default", web.getMetadata().getUid())));
        }
    }
}
