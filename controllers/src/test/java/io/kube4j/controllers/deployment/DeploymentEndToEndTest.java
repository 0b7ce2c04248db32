package io.kube4j.controllers.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments against a real API server with the controller manager running. No node runs pods
 * here, so the test plays the kubelet: it marks pods Running and Ready through pods/status.
 */
class DeploymentEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static LiveCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start();
        client = cluster.client();
        cluster.runControllerManager();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void createRollOutAndDeleteADeployment() throws Exception {
        create("web", 3, "nginx:1");
        Poll.until(TIMEOUT, "3 pods and one ReplicaSet", () -> pods("web").size() == 3 && replicaSets("web").size() == 1);
        ReplicaSet first = replicaSets("web").getFirst();
        assertTrue(first.getMetadata().getName().startsWith("web-"));
        pods("web").forEach(DeploymentEndToEndTest::markReady);
        Poll.until(TIMEOUT, "3 available replicas", () -> get("web").getStatus().getAvailableReplicas() != null
                && get("web").getStatus().getAvailableReplicas() == 3);

        setImage("web", "nginx:2");
        rollOut("web", 3);

        List<ReplicaSet> rss = replicaSets("web");
        assertEquals(2, rss.size());
        ReplicaSet old = named(rss, first.getMetadata().getName());
        ReplicaSet current = rss.stream().filter(rs -> rs != old).findFirst().orElseThrow();
        assertEquals(0, old.getSpec().getReplicas());
        assertEquals("2", current.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals("2", get("web").getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertTrue(pods("web").stream().allMatch(p -> p.getSpec().getContainers().getFirst().getImage().equals("nginx:2")));
        assertTrue(client.v1().events().inNamespace("default").list().getItems().stream()
                .anyMatch(e -> "ScalingReplicaSet".equals(e.getReason())
                        && e.getMessage().startsWith("Scaled down replica set " + old.getMetadata().getName())));

        client.apps().deployments().inNamespace("default").withName("web").delete();
        Poll.until(TIMEOUT, "the garbage collector to remove ReplicaSets and pods",
                () -> replicaSets("web").isEmpty() && pods("web").isEmpty());
    }

    @Test
    void patchingTheTemplateBackReusesTheOldReplicaSetAsTheNewestRevision() throws Exception {
        create("undo", 2, "nginx:1");
        Poll.until(TIMEOUT, "one ReplicaSet", () -> replicaSets("undo").size() == 1);
        String v1 = replicaSets("undo").getFirst().getMetadata().getName();
        rollOut("undo", 2);
        setImage("undo", "nginx:2");
        rollOut("undo", 2);

        setImage("undo", "nginx:1");
        rollOut("undo", 2);

        List<ReplicaSet> rss = replicaSets("undo");
        assertEquals(2, rss.size(), "no third ReplicaSet: the old template's one is found by its hash");
        ReplicaSet rolledBack = named(rss, v1);
        assertEquals(2, rolledBack.getSpec().getReplicas());
        assertEquals("3", rolledBack.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals("1", rolledBack.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION_HISTORY));
        assertEquals("3", get("undo").getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
    }

    private static void create(String app, int replicas, String image) {
        client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName(app).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", app).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    private static void setImage(String app, String image) {
        client.apps().deployments().inNamespace("default").withName(app)
                .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                        .withImage(image).endContainer().endSpec().endTemplate().endSpec().build());
    }

    /** Plays the kubelet for new pods until {@code kubectl rollout status} would succeed. */
    private static void rollOut(String app, int replicas) throws InterruptedException {
        Poll.until(TIMEOUT, "the rollout of " + app + " to complete", () -> {
            pods(app).stream().filter(p -> !PodStates.isReady(p)).forEach(DeploymentEndToEndTest::markReady);
            return rolledOut(get(app), replicas);
        });
    }

    private static ReplicaSet named(List<ReplicaSet> rss, String name) {
        return rss.stream().filter(rs -> rs.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    /** What {@code kubectl rollout status} waits for. */
    private static boolean rolledOut(Deployment d, int replicas) {
        var s = d.getStatus();
        return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Objects.equals(s.getUpdatedReplicas(), replicas) && Objects.equals(s.getReplicas(), replicas)
                && Objects.equals(s.getAvailableReplicas(), replicas);
    }

    private static Deployment get(String app) {
        return client.apps().deployments().inNamespace("default").withName(app).get();
    }

    private static List<Pod> pods(String app) {
        return client.pods().inNamespace("default").withLabel("app", app).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static List<ReplicaSet> replicaSets(String app) {
        return client.apps().replicaSets().inNamespace("default").withLabel("app", app).list().getItems();
    }

    private static void markReady(Pod pod) {
        cluster.markRunningReady(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }
}
