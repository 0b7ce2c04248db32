package io.kube4j.controllers.replicaset;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.running;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.Fixtures;
import io.kube4j.controllers.testing.TestInformers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {
    private static final Instant NOW = Instant.parse("2030-01-01T01:00:00Z");

    private final TestInformers informers = new TestInformers();
    private final FakeWriter writer = new FakeWriter();
    private final List<String> events = new ArrayList<>();
    private final ReplicaSetController<ReplicaSet> controller = new ReplicaSetController<>(new ReplicaSetKind(),
            informers.of(ReplicaSet.class), informers.of(Pod.class), writer,
            (about, type, reason, message) -> events.add(type + " " + reason + " " + message),
            Clock.fixed(NOW, ZoneOffset.UTC), TestInformers.queue());

    @AfterEach
    void close() {
        informers.close();
    }

    @Test
    void createsMissingPodsFromTheTemplateControlledByTheReplicaSet() {
        ReplicaSet rs = replicaSet("web", 3, template("nginx"));
        rs.getMetadata().setGeneration(2L);
        informers.seed(rs);

        controller.sync("default/web");

        List<Pod> created = writer.written(Pod.class);
        assertEquals(3, created.size());
        for (Pod pod : created) {
            assertEquals("web-", pod.getMetadata().getGenerateName());
            assertEquals(APP_WEB, pod.getMetadata().getLabels());
            assertEquals("nginx", pod.getSpec().getContainers().getFirst().getImage());
            OwnerReference ref = pod.getMetadata().getOwnerReferences().getFirst();
            assertEquals(List.of("ReplicaSet", "web", rs.getMetadata().getUid(), true, true),
                    List.of(ref.getKind(), ref.getName(), ref.getUid(), ref.getController(), ref.getBlockOwnerDeletion()));
        }
        assertEquals(3, events.stream().filter(e -> e.startsWith("Normal SuccessfulCreate Created pod: web-x")).count());
        ReplicaSetStatus status = writer.written(ReplicaSet.class).getLast().getStatus();
        assertEquals(List.of(0, 2L), List.of(status.getReplicas(), status.getObservedGeneration()));
    }

    @Test
    void expectationsStopASecondSyncFromCreatingAgainBeforeTheCacheHasThePods() {
        informers.seed(replicaSet("web", 2, template("nginx")));

        controller.sync("default/web");
        controller.sync("default/web");

        assertEquals(2, writer.actions("create Pod").size());
    }

    @Test
    void createsAgainOncePodsAreObservedAndOneIsGone() {
        informers.seed(replicaSet("web", 2, template("nginx")));
        writer.mirror(Pod.class, informers.of(Pod.class));
        controller.sync("default/web");
        List<Pod> created = writer.written(Pod.class);
        controller.podEvents().onAdd(created.getFirst());
        controller.sync("default/web");
        assertEquals(2, writer.actions("create Pod").size(), "one creation not yet observed");

        controller.podEvents().onAdd(created.getLast());
        informers.remove(created.getFirst());
        controller.podEvents().onDelete(created.getFirst(), false);
        controller.sync("default/web");

        assertEquals(3, writer.actions("create Pod").size());
    }

    @Test
    void deletesSurplusPodsInUpstreamsPreferenceOrder() {
        ReplicaSet rs = informers.seed(replicaSet("web", 1, template("nginx")));
        informers.seed(running(pod("ready", APP_WEB, rs), "node-a", "2030-01-01T00:00:00Z"));
        informers.seed(running(pod("running-not-ready", APP_WEB, rs), "node-a", null));
        Pod scheduledPending = pod("scheduled-pending", APP_WEB, rs);
        scheduledPending.getSpec().setNodeName("node-b");
        informers.seed(scheduledPending);
        informers.seed(pod("unscheduled", APP_WEB, rs));

        controller.sync("default/web");

        assertEquals(List.of("delete Pod unscheduled Background", "delete Pod scheduled-pending Background",
                "delete Pod running-not-ready Background").stream().sorted().toList(),
                writer.actions("delete").stream().sorted().toList());
        assertTrue(events.contains("Normal SuccessfulDelete Deleted pod: unscheduled"));
    }

    @Test
    void adoptsMatchingOrphansReleasesPodsThatNoLongerMatchAndLeavesOthersAlone() {
        ReplicaSet rs = informers.seed(replicaSet("web", 2, template("nginx")));
        writer.mirror(ReplicaSet.class, informers.of(ReplicaSet.class));
        informers.seed(pod("orphan", APP_WEB, null));
        informers.seed(pod("relabelled", Map.of("app", "other"), rs));
        informers.seed(pod("owned", APP_WEB, rs));
        informers.seed(pod("someone-elses", APP_WEB, replicaSet("other", 1, template("nginx"))));

        controller.sync("default/web");

        assertEquals(List.of("owners Pod orphan [ReplicaSet:web]", "owners Pod relabelled []"),
                writer.actions("owners").stream().sorted().toList());
        assertEquals(List.of(), writer.actions("create"), "the adopted orphan and the owned pod make 2");
    }

    @Test
    void aPodCountsForTheOwnerItsControllerReferenceNamesNow() {
        ReplicaSet rs = informers.seed(replicaSet("web", 2, template("nginx")));
        ReplicaSet other = replicaSet("other", 1, template("nginx"));
        informers.seed(pod("stays", APP_WEB, rs));
        Pod moving = informers.seed(pod("moving", APP_WEB, other));
        informers.seed(pod("moving", APP_WEB, rs));

        controller.sync("default/web");
        assertEquals(List.of(), writer.actions("create"), "two pods are web's");
        assertEquals(List.of(), writer.actions("owners"), "neither is adopted or released");

        informers.seed(moving);
        controller.sync("default/web");
        assertEquals(1, writer.actions("create Pod").size(), "the pod is other's again: web is one short");
    }

    @Test
    void reportsReadyAndAvailableReplicasHonouringMinReadySeconds() {
        ReplicaSet rs = replicaSet("web", 3, template("nginx"));
        rs.getSpec().setMinReadySeconds(60);
        informers.seed(rs);
        informers.seed(running(pod("long-ready", APP_WEB, rs), "n", "2030-01-01T00:00:00Z"));
        informers.seed(running(pod("just-ready", APP_WEB, rs), "n", "2030-01-01T00:59:30Z"));
        informers.seed(running(pod("unlabelled", Map.of("app", "web", "x", "y"), rs), "n", null));
        informers.seed(pod("finished", APP_WEB, rs)).getStatus().setPhase("Succeeded");
        // the finished pod does not count: one pod is created to replace it
        controller.sync("default/web");

        ReplicaSetStatus status = writer.written(ReplicaSet.class).getLast().getStatus();
        assertEquals(List.of(3, 3, 2, 1), List.of(status.getReplicas(), status.getFullyLabeledReplicas(),
                status.getReadyReplicas(), status.getAvailableReplicas()));
    }

    @Test
    void aFailedCreateIsReportedAsReplicaFailureAndAnEvent() {
        informers.seed(replicaSet("web", 3, template("nginx")));
        writer.failCreatesWith(new KubernetesClientException("pods \"web-\" is forbidden: exceeded quota", 403, null));

        assertThrows(KubernetesClientException.class, () -> controller.sync("default/web"));

        assertEquals(1, events.stream().filter(e -> e.startsWith("Warning FailedCreate Error creating: ")).count(),
                "slow start stops after the first failed batch of one");
        ReplicaSetStatus status = writer.written(ReplicaSet.class).getLast().getStatus();
        assertEquals("FailedCreate", status.getConditions().getFirst().getReason());
    }

    @Test
    void servesReplicationControllersThroughTheAdapter() {
        ReplicaSetController<ReplicationController> rcController = new ReplicaSetController<>(new ReplicationControllerKind(),
                informers.of(ReplicationController.class), informers.of(Pod.class), writer, (a, t, r, m) -> { },
                Clock.fixed(NOW, ZoneOffset.UTC), TestInformers.queue());
        informers.seed(new ReplicationControllerBuilder()
                .withNewMetadata().withName("rc").withNamespace(Fixtures.NS).withUid("rc-uid").withGeneration(2L).endMetadata()
                .withNewSpec().withReplicas(2).withSelector(APP_WEB).withTemplate(template("nginx")).endSpec()
                .build());

        rcController.sync("default/rc");

        List<Pod> created = writer.written(Pod.class);
        assertEquals(2, created.size());
        assertEquals("ReplicationController", created.getFirst().getMetadata().getOwnerReferences().getFirst().getKind());
        ReplicationController written = writer.written(ReplicationController.class).getLast();
        assertEquals(2L, written.getStatus().getObservedGeneration());
    }
}
