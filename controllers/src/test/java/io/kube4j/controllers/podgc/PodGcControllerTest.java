package io.kube4j.controllers.podgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.TestInformers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The collector's passes over seeded caches, with the API faked and the clock moved by hand. */
class PodGcControllerTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final TestInformers informers = new TestInformers();
    private final MutableClock clock = new MutableClock(START);
    private final FakeApi api = new FakeApi();

    @AfterEach
    void close() {
        informers.close();
    }

    @Test
    void podsOnANodeMissingForTheWholeQuarantineAreFailedAndForceDeleted() {
        PodGcController gc = controller(10);
        informers.seed(readyNode("here"));
        informers.seed(pod("stays", "here", "Running"));
        informers.seed(pod("orphan", "gone", "Running"));

        gc.sync(PodGcController.KEY);
        clock.advance(Duration.ofSeconds(39));
        gc.sync(PodGcController.KEY);
        assertEquals(List.of(), api.deleted);

        clock.advance(Duration.ofSeconds(1));
        gc.sync(PodGcController.KEY);
        assertEquals(List.of("orphan DisruptionTarget/DeletionByPodGC: PodGC: node no longer exists"), api.deleted);
        assertEquals(List.of("gone"), api.nodesAsked);
    }

    @Test
    void aNodeThatShowsUpDuringQuarantineOrThatTheServerStillHasKeepsItsPods() {
        PodGcController gc = controller(10);
        informers.seed(pod("late", "new-node", "Running"));
        informers.seed(pod("lagging", "cached-late", "Running"));
        api.existingNodes.add("cached-late");

        gc.sync(PodGcController.KEY);
        informers.seed(readyNode("new-node"));
        clock.advance(Duration.ofSeconds(41));
        gc.sync(PodGcController.KEY);

        assertEquals(List.of(), api.deleted);
        assertEquals(List.of("cached-late"), api.nodesAsked);
    }

    @Test
    void terminatingPodsNeverScheduledAreForceDeletedAtOnce() {
        PodGcController gc = controller(10);
        informers.seed(readyNode("here"));
        informers.seed(terminating(pod("unscheduled", null, "Pending")));
        informers.seed(terminating(pod("on-a-node", "here", "Running")));

        gc.sync(PodGcController.KEY);

        assertEquals(List.of("unscheduled"), api.deleted);
    }

    @Test
    void terminatingPodsOnANotReadyOutOfServiceNodeAreForceDeleted() {
        PodGcController gc = controller(10);
        informers.seed(new NodeBuilder(notReadyNode("down")).editSpec().addNewTaint()
                .withKey(PodGarbage.OUT_OF_SERVICE_TAINT).withValue("nodeshutdown").withEffect("NoExecute").endTaint()
                .endSpec().build());
        informers.seed(notReadyNode("just-down"));
        informers.seed(terminating(pod("stuck", "down", "Running")));
        informers.seed(pod("not-deleted", "down", "Running"));
        informers.seed(terminating(pod("waits-for-kubelet", "just-down", "Running")));

        gc.sync(PodGcController.KEY);

        assertEquals(List.of("stuck"), api.deleted);
    }

    @Test
    void finishedPodsBeyondTheThresholdGoEvictedFirstThenOldestFirst() {
        PodGcController gc = controller(2);
        informers.seed(readyNode("here"));
        informers.seed(created(pod("old-succeeded", "here", "Succeeded"), "2030-01-01T00:00:01Z"));
        informers.seed(created(pod("older-failed", "here", "Failed"), "2030-01-01T00:00:00Z"));
        informers.seed(created(pod("newest-failed", "here", "Failed"), "2030-01-01T00:00:05Z"));
        informers.seed(created(evicted(pod("newest-evicted", "here", "Failed")), "2030-01-01T00:00:09Z"));
        informers.seed(created(pod("running", "here", "Running"), "2029-01-01T00:00:00Z"));

        gc.sync(PodGcController.KEY);

        assertEquals(List.of("newest-evicted", "older-failed"), api.deleted);
    }

    @Test
    void aThresholdOfZeroKeepsAllFinishedPods() {
        PodGcController gc = controller(0);
        informers.seed(readyNode("here"));
        informers.seed(pod("done", "here", "Succeeded"));

        gc.sync(PodGcController.KEY);

        assertEquals(List.of(), api.deleted);
    }

    @Test
    void aFailedDeletionFailsThePassAfterTheOtherPodsAreHandled() {
        PodGcController gc = controller(10);
        informers.seed(terminating(pod("a-fails", null, "Pending")));
        informers.seed(terminating(pod("b-goes", null, "Pending")));
        api.failing.add("a-fails");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gc.sync(PodGcController.KEY));

        assertEquals(List.of("b-goes"), api.deleted);
        assertEquals("1 pod deletions failed, the last: server unavailable", e.getMessage());
    }

    private PodGcController controller(int threshold) {
        return new PodGcController(informers.of(Pod.class), informers.of(Node.class), api, clock, threshold,
                TestInformers.queue());
    }

    private static Pod pod(String name, String node, String phase) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withUid("uid-" + name)
                .withCreationTimestamp("2030-01-01T00:00:00Z").endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus()
                .build();
    }

    private static Pod terminating(Pod pod) {
        return new PodBuilder(pod).editMetadata().withDeletionTimestamp("2030-01-01T00:00:00Z").endMetadata().build();
    }

    private static Pod created(Pod pod, String at) {
        return new PodBuilder(pod).editMetadata().withCreationTimestamp(at).endMetadata().build();
    }

    private static Pod evicted(Pod pod) {
        return new PodBuilder(pod).editStatus().withReason(PodGarbage.EVICTED).endStatus().build();
    }

    private static Node readyNode(String name) {
        return node(name, "True");
    }

    private static Node notReadyNode(String name) {
        return node(name, "False");
    }

    private static Node node(String name, String ready) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus()
                .build();
    }

    /** Records deletions as "name" or "name Type/Reason: message" when a condition is set first. */
    private static final class FakeApi implements PodGcApi {
        final List<String> deleted = new ArrayList<>();
        final List<String> nodesAsked = new ArrayList<>();
        final Set<String> existingNodes = new HashSet<>();
        final Set<String> failing = new HashSet<>();

        @Override
        public boolean nodeExists(String name) {
            nodesAsked.add(name);
            return existingNodes.contains(name);
        }

        @Override
        public void failAndForceDelete(Pod pod, PodCondition condition) {
            String name = pod.getMetadata().getName();
            if (failing.contains(name)) {
                throw new KubernetesClientException("server unavailable", 503, null);
            }
            deleted.add(condition == null ? name
                    : name + " " + condition.getType() + "/" + condition.getReason() + ": " + condition.getMessage());
        }
    }
}
