package io.kube4j.controllers;

import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnersTest {
    private final ReplicaSet rs = replicaSet("web-1", 1, template("nginx"));

    @Test
    void theControllerReferenceControlsAndBlocksOwnerDeletion() {
        OwnerReference ref = Owners.controllerRef(rs);
        assertEquals(List.of("apps/v1", "ReplicaSet", "web-1", rs.getMetadata().getUid(), true, true),
                List.of(ref.getApiVersion(), ref.getKind(), ref.getName(), ref.getUid(), ref.getController(),
                        ref.getBlockOwnerDeletion()));
    }

    @Test
    void controllerLookupsAndKeys() {
        Pod pod = pod("web-1-x", Map.of(), rs);
        assertTrue(Owners.isControlledBy(pod, rs.getMetadata().getUid()));
        assertEquals(rs.getMetadata().getUid(), Owners.controllerUid(pod));
        assertEquals(List.of("default/web-1"), Owners.controllerKeys(pod, "ReplicaSet"));
        assertEquals(List.of(), Owners.controllerKeys(pod, "StatefulSet"));
        assertNull(Owners.controllerOfKind(pod, "Job"));
        Pod orphan = pod("stray", Map.of(), null);
        assertNull(Owners.controllerOf(orphan));
        assertFalse(Owners.isControlledBy(orphan, rs.getMetadata().getUid()));
    }

    @Test
    void ownerListEdits() {
        Pod pod = pod("web-1-x", Map.of(), rs);
        OwnerReference other = new OwnerReference("v1", false, false, "ConfigMap", "cfg", "cfg-uid");
        List<OwnerReference> two = Owners.adding(pod, other);
        assertEquals(2, two.size());
        pod.getMetadata().setOwnerReferences(two);
        assertEquals(List.of(other), Owners.removing(pod, rs.getMetadata().getUid()));
    }
}
