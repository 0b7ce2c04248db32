package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.deployment;
import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.replicaSet;
import static io.kube4j.controllers.testing.Fixtures.running;
import static io.kube4j.controllers.testing.Fixtures.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.TestInformers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
    private static final Instant NOW = Instant.parse("2030-01-01T01:00:00Z");

    private final TestInformers informers = new TestInformers();
    private final FakeWriter writer = new FakeWriter()
            .mirror(ReplicaSet.class, informers.of(ReplicaSet.class))
            .mirror(Deployment.class, informers.of(Deployment.class));
    private final List<String> events = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);
    private final RateLimitingQueue<String> queue = TestInformers.queue();
    private final DeploymentController controller = new DeploymentController(informers.of(Deployment.class),
            informers.of(ReplicaSet.class), informers.of(Pod.class), writer,
            (about, type, reason, message) -> events.add(reason + ": " + message), clock, queue);

    @AfterEach
    void close() {
        informers.close();
    }

    /** The deployment's ReplicaSet for its current template, as the controller would have made it. */
    private ReplicaSet currentReplicaSet(Deployment d, int replicas, int available, long revision) {
        String hash = PodTemplateHash.of(d.getSpec().getTemplate(), null);
        ReplicaSet rs = replicaSet("web-" + hash, replicas, template(image(d)));
        rs.getSpec().getTemplate().getMetadata().getLabels().put(PodTemplateHash.LABEL, hash);
        return owned(rs, d, replicas, available, revision);
    }

    private static ReplicaSet oldReplicaSet(Deployment d, String name, String image, int replicas, int available,
                                            long revision) {
        return owned(replicaSet(name, replicas, template(image)), d, replicas, available, revision);
    }

    private static ReplicaSet owned(ReplicaSet rs, Deployment d, int replicas, int available, long revision) {
        rs.getMetadata().setOwnerReferences(List.of(Owners.controllerRef(d)));
        rs.getMetadata().setAnnotations(new HashMap<>(Map.of(DeploymentAnnotations.REVISION, Long.toString(revision),
                DeploymentAnnotations.DESIRED_REPLICAS, Integer.toString(RollingMath.replicas(d)),
                DeploymentAnnotations.MAX_REPLICAS, Integer.toString(RollingMath.replicas(d) + RollingMath.maxSurge(d)))));
        rs.setStatus(new ReplicaSetStatusBuilder().withReplicas(replicas).withReadyReplicas(available)
                .withAvailableReplicas(available).withObservedGeneration(1L).build());
        return rs;
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    private static Deployment withSurge(Deployment d, int maxSurge, int maxUnavailable) {
        d.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString(maxSurge));
        d.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(maxUnavailable));
        return d;
    }

    private ReplicaSet cached(String name) {
        return informers.of(ReplicaSet.class).getIndexer().getByKey("default/" + name);
    }

    private Deployment cachedDeployment() {
        return informers.of(Deployment.class).getIndexer().getByKey("default/web");
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        return DeploymentConditions.get(d.getStatus(), type);
    }

    @Test
    void aNewDeploymentGetsOneReplicaSetNamedByItsTemplateHash() {
        Deployment d = informers.seed(deployment("web", 3, template("nginx")));

        controller.sync("default/web");

        ReplicaSet rs = writer.written(ReplicaSet.class).getFirst();
        String hash = PodTemplateHash.of(d.getSpec().getTemplate(), null);
        assertEquals("web-" + hash, rs.getMetadata().getName());
        assertEquals(3, rs.getSpec().getReplicas(), "no old pods: the surge allows all 3 at once");
        assertEquals(hash, rs.getMetadata().getLabels().get(PodTemplateHash.LABEL));
        assertEquals(hash, rs.getSpec().getSelector().getMatchLabels().get(PodTemplateHash.LABEL));
        assertEquals(hash, rs.getSpec().getTemplate().getMetadata().getLabels().get(PodTemplateHash.LABEL));
        assertTrue(Owners.isControlledBy(rs, d.getMetadata().getUid()));
        assertEquals(Map.of(DeploymentAnnotations.REVISION, "1", DeploymentAnnotations.DESIRED_REPLICAS, "3",
                DeploymentAnnotations.MAX_REPLICAS, "4"), rs.getMetadata().getAnnotations());
        assertEquals(List.of("ScalingReplicaSet: Scaled up replica set web-" + hash + " to 3 from 0"), events);
        Deployment saved = cachedDeployment();
        assertEquals("1", saved.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals(DeploymentConditions.NEW_RS_CREATED, condition(saved, "Progressing").getReason());
        assertEquals(DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE, condition(saved, "Available").getReason());
    }

    @Test
    void changeCauseIsCopiedToTheReplicaSet() {
        Deployment d = deployment("web", 1, template("nginx"));
        d.getMetadata().setAnnotations(Map.of("kubernetes.io/change-cause", "kubectl set image"));
        informers.seed(d);

        controller.sync("default/web");

        assertEquals("kubectl set image",
                writer.written(ReplicaSet.class).getFirst().getMetadata().getAnnotations().get("kubernetes.io/change-cause"));
    }

    @Test
    void rollingUpdateSurgesThenScalesTheOldReplicaSetDownAsNewPodsBecomeAvailable() {
        Deployment d = informers.seed(withSurge(deployment("web", 4, template("nginx:2")), 1, 0));
        informers.seed(oldReplicaSet(d, "web-old", "nginx:1", 4, 4, 1));

        controller.sync("default/web");
        ReplicaSet newRS = writer.written(ReplicaSet.class).getFirst();
        assertEquals(1, newRS.getSpec().getReplicas(), "4 old + 1 surge");
        assertEquals("2", newRS.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals(4, cached("web-old").getSpec().getReplicas(), "nothing may become unavailable");

        String name = newRS.getMetadata().getName();
        informers.seed(owned(cached(name), d, 1, 1, 2));
        events.clear();
        controller.sync("default/web");
        assertEquals(List.of("ScalingReplicaSet: Scaled down replica set web-old to 3 from 4"), events);

        informers.seed(owned(cached("web-old"), d, 3, 3, 1));
        events.clear();
        controller.sync("default/web");
        assertEquals(List.of("ScalingReplicaSet: Scaled up replica set " + name + " to 2 from 1"), events);
    }

    @Test
    void unavailableOldPodsAreScaledDownFirstWithinMaxUnavailable() {
        Deployment d = informers.seed(withSurge(deployment("web", 4, template("nginx:2")), 0, 1));
        informers.seed(oldReplicaSet(d, "web-old", "nginx:1", 4, 2, 1));

        controller.sync("default/web");

        assertEquals(0, writer.written(ReplicaSet.class).getFirst().getSpec().getReplicas(), "no surge");
        assertEquals(3, cached("web-old").getSpec().getReplicas(), "one unhealthy pod may go (4 - 3 min available)");
    }

    @Test
    void recreateScalesOldReplicaSetsToZeroAndWaitsForTheirPodsBeforeCreatingTheNewOne() {
        Deployment d = deployment("web", 3, template("nginx:2"));
        d.getSpec().getStrategy().setType("Recreate");
        d.getSpec().getStrategy().setRollingUpdate(null);
        informers.seed(d);
        ReplicaSet old = informers.seed(oldReplicaSet(d, "web-old", "nginx:1", 3, 3, 1));
        Pod oldPod = informers.seed(running(pod("web-old-1", APP_WEB, old), "n", "2030-01-01T00:00:00Z"));

        controller.sync("default/web");
        assertEquals(List.of("ScalingReplicaSet: Scaled down replica set web-old to 0 from 3"), events);

        informers.seed(owned(cached("web-old"), d, 0, 0, 1));
        controller.sync("default/web");
        assertEquals(List.of(), writer.actions("create"), "an old pod still runs");

        informers.remove(oldPod);
        controller.sync("default/web");
        ReplicaSet created = writer.written(ReplicaSet.class).stream()
                .filter(rs -> !rs.getMetadata().getName().equals("web-old")).findFirst().orElseThrow();
        assertEquals(3, created.getSpec().getReplicas());
    }

    @Test
    void rollingBackMakesTheOldReplicaSetTheNewestRevision() {
        Deployment d = deployment("web", 3, template("nginx:1"));
        d.getMetadata().setAnnotations(new HashMap<>(Map.of(DeploymentAnnotations.REVISION, "2")));
        informers.seed(d);
        ReplicaSet v1 = informers.seed(currentReplicaSet(d, 0, 0, 1));
        informers.seed(oldReplicaSet(d, "web-v2", "nginx:2", 3, 3, 2));

        controller.sync("default/web");

        ReplicaSet rolledBack = cached(v1.getMetadata().getName());
        assertEquals("3", rolledBack.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals("1", rolledBack.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION_HISTORY));
        assertEquals("3", cachedDeployment().getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals(1, rolledBack.getSpec().getReplicas(), "3 old + 1 surge");
        assertEquals(List.of(), writer.actions("create"));
    }

    @Test
    void oldReplicaSetsBeyondTheHistoryLimitAreDeletedOnceTheRolloutIsComplete() {
        Deployment d = deployment("web", 3, template("nginx:5"));
        d.getSpec().setRevisionHistoryLimit(2);
        d.getMetadata().setAnnotations(new HashMap<>(Map.of(DeploymentAnnotations.REVISION, "5")));
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(3).withUpdatedReplicas(3)
                .withReadyReplicas(3).withAvailableReplicas(3).build());
        informers.seed(d);
        informers.seed(currentReplicaSet(d, 3, 3, 5));
        for (int revision = 1; revision <= 4; revision++) {
            informers.seed(oldReplicaSet(d, "web-v" + revision, "nginx:" + revision, 0, 0, revision));
        }

        controller.sync("default/web");

        assertEquals(List.of("delete ReplicaSet web-v1 Background", "delete ReplicaSet web-v2 Background"),
                writer.actions("delete"));
        assertEquals(DeploymentConditions.NEW_RS_AVAILABLE, condition(cachedDeployment(), "Progressing").getReason());
        assertEquals("True", condition(cachedDeployment(), "Available").getStatus());
    }

    @Test
    void aPausedDeploymentDoesNotRollOutButStillScales() {
        Deployment d = deployment("web", 3, template("nginx:1"));
        informers.seed(currentReplicaSet(d, 3, 3, 1));
        d.getSpec().setTemplate(template("nginx:2"));
        d.getSpec().setReplicas(5);
        d.getSpec().setPaused(true);
        informers.seed(d);

        controller.sync("default/web");

        assertEquals(List.of(), writer.actions("create"));
        String oldName = "web-" + PodTemplateHash.of(template("nginx:1"), null);
        assertEquals(List.of("ScalingReplicaSet: Scaled up replica set " + oldName + " to 5 from 3"), events);
        assertEquals(DeploymentConditions.PAUSED, condition(cachedDeployment(), "Progressing").getReason());
    }

    @Test
    void scalingDuringARolloutIsSharedInProportion() {
        Deployment d = withSurge(deployment("web", 10, template("nginx:2")), 3, 2);
        informers.seed(d);
        informers.seed(oldReplicaSet(d, "web-old", "nginx:1", 8, 8, 1));
        ReplicaSet newRS = informers.seed(currentReplicaSet(d, 5, 0, 2));
        Deployment scaled = withSurge(deployment("web", 20, template("nginx:2")), 3, 2);
        informers.seed(scaled);

        controller.sync("default/web");

        assertEquals(14, cached("web-old").getSpec().getReplicas());
        assertEquals(9, cached(newRS.getMetadata().getName()).getSpec().getReplicas());
        assertEquals("23", cached("web-old").getMetadata().getAnnotations().get(DeploymentAnnotations.MAX_REPLICAS));
    }

    @Test
    void noProgressWithinTheDeadlineIsReportedAsProgressDeadlineExceeded() {
        Deployment d = deployment("web", 3, template("nginx"));
        d.getMetadata().setAnnotations(new HashMap<>(Map.of(DeploymentAnnotations.REVISION, "1")));
        String earlier = NOW.minusSeconds(700).toString();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(3).withUpdatedReplicas(3)
                .withReadyReplicas(0).withAvailableReplicas(0).withUnavailableReplicas(3)
                .withConditions(new DeploymentCondition(earlier, earlier, "", DeploymentConditions.RS_UPDATED, "True",
                        "Progressing"))
                .build());
        informers.seed(d);
        informers.seed(currentReplicaSet(d, 3, 0, 1));

        controller.sync("default/web");

        DeploymentCondition progressing = condition(cachedDeployment(), "Progressing");
        assertEquals(List.of("False", DeploymentConditions.TIMED_OUT), List.of(progressing.getStatus(), progressing.getReason()));
        assertTrue(progressing.getMessage().endsWith("has timed out progressing."), progressing.getMessage());
    }

    @Test
    void orphanReplicaSetsMatchingTheSelectorAreAdopted() {
        Deployment d = informers.seed(deployment("web", 1, template("nginx")));
        ReplicaSet orphan = replicaSet("stray", 1, template("nginx:0"));
        informers.seed(orphan);

        controller.sync("default/web");

        assertEquals(List.of("owners ReplicaSet stray [Deployment:web]"), writer.actions("owners"));
        assertTrue(Owners.isControlledBy(cached("stray"), d.getMetadata().getUid()));
    }

    @Test
    void replicaSetsControlledByAnotherDeploymentAreLeftAlone() {
        informers.seed(deployment("web", 1, template("nginx")));
        Deployment other = deployment("other", 1, template("nginx"));
        informers.seed(oldReplicaSet(other, "theirs", "nginx", 1, 1, 1));

        controller.sync("default/web");

        assertEquals(List.of(), writer.actions("owners"));
        assertEquals(1, writer.actions("create ReplicaSet").size(), "web gets its own ReplicaSet");
        assertTrue(Owners.isControlledBy(cached("theirs"), other.getMetadata().getUid()));
    }

    @Test
    void progressIsLookedAtAgainWhenTheDeadlineWouldPass() {
        Deployment d = deployment("web", 3, template("nginx"));
        informers.seed(d);
        controller.sync("default/web");
        clock.advance(Duration.ofSeconds(30));

        controller.sync("default/web");

        long wait = queue.releaseDue();
        assertTrue(wait > Duration.ofSeconds(565).toNanos() && wait <= Duration.ofSeconds(571).toNanos(),
                "a stuck rollout is looked at again when its 600s deadline passes, not " + wait);
    }
}
