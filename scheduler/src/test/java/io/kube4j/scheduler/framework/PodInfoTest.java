package io.kube4j.scheduler.framework;

import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

class PodInfoTest {
    @Test
    void theControllerIsTheOwnerReferenceMarkedController() {
        Pod owned = pod("p", "100m", "1Gi").editMetadata()
                .addToOwnerReferences(new OwnerReferenceBuilder().withKind("Node").withName("n").withUid("u1").build())
                .addToOwnerReferences(new OwnerReferenceBuilder().withKind("ReplicaSet").withName("rs").withUid("u2")
                        .withController(true).build())
                .endMetadata().build();
        assertEquals("u2", PodInfo.of(owned).controller().getUid());
        assertNull(PodInfo.of(pod("orphan")).controller());
    }

    @Test
    void anAssumedPodIsOnItsNodeAndKeepsWhatWasComputed() {
        PodInfo pending = PodInfo.of(pod("p", "250m", "1Gi").build(), 7, false);
        PodInfo assumed = pending.assumedOn("node-1");
        assertEquals("node-1", assumed.nodeName());
        assertNull(pending.nodeName(), "the pending pod is left as it was");
        assertEquals(new Resource(250, 1L << 30, 0), assumed.requests());
        assertEquals(7, assumed.priority());
        assertEquals("default/p", assumed.key());
        assertSame(pending.pod(), assumed.pod(), "the Pod object is shared, not copied");
    }
}
