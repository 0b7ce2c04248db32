package io.kube4j.controllers.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.ControllerManager;
import io.kube4j.controllers.testing.Poll;
import io.kube4j.controllers.testing.TestClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deployments against a real API server with the controller manager running. No node runs pods
 * here, so the test plays the kubelet: it marks pods Running and Ready through pods/status.
 */
class DeploymentEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static TestApiServer server;
    private static KubernetesClient client;
    private static ControllerManager controllers;

    @BeforeAll
    static void start() throws Exception {
        server = TestApiServer.start();
        client = TestClients.connect(server);
        controllers = ControllerManager.start(client);
    }

    @AfterAll
    static void stop() throws Exception {
        controllers.close();
        client.close();
        server.close();
    }

    @Test
    void createRollOutAndDeleteADeployment() throws Exception {
        client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(3)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();

        Poll.until(TIMEOUT, "3 pods and one ReplicaSet", () -> pods().size() == 3 && replicaSets().size() == 1);
        ReplicaSet first = replicaSets().getFirst();
        assertTrue(first.getMetadata().getName().startsWith("web-"));
        pods().forEach(DeploymentEndToEndTest::markReady);
        Poll.until(TIMEOUT, "3 available replicas", () -> status().getStatus().getAvailableReplicas() != null
                && status().getStatus().getAvailableReplicas() == 3);

        client.apps().deployments().inNamespace("default").withName("web")
                .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer()
                        .withImage("nginx:2").endContainer().endSpec().endTemplate().endSpec().build());
        Poll.until(TIMEOUT, "the rollout to complete", () -> {
            pods().stream().filter(p -> !ready(p)).forEach(DeploymentEndToEndTest::markReady);
            Deployment d = status();
            return rolledOut(d);
        });

        List<ReplicaSet> rss = replicaSets();
        assertEquals(2, rss.size());
        ReplicaSet old = rss.stream().filter(rs -> rs.getMetadata().getName().equals(first.getMetadata().getName()))
                .findFirst().orElseThrow();
        ReplicaSet current = rss.stream().filter(rs -> rs != old).findFirst().orElseThrow();
        assertEquals(0, old.getSpec().getReplicas());
        assertEquals("2", current.getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertEquals("2", status().getMetadata().getAnnotations().get(DeploymentAnnotations.REVISION));
        assertTrue(pods().stream().allMatch(p -> p.getSpec().getContainers().getFirst().getImage().equals("nginx:2")));
        assertTrue(client.v1().events().inNamespace("default").list().getItems().stream()
                .anyMatch(e -> "ScalingReplicaSet".equals(e.getReason())
                        && e.getMessage().startsWith("Scaled down replica set " + old.getMetadata().getName())));

        client.apps().deployments().inNamespace("default").withName("web").delete();
        Poll.until(TIMEOUT, "the garbage collector to remove ReplicaSets and pods",
                () -> replicaSets().isEmpty() && pods().isEmpty());
    }

    /** What {@code kubectl rollout status} waits for. */
    private static boolean rolledOut(Deployment d) {
        var s = d.getStatus();
        return s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && s.getUpdatedReplicas() != null && s.getUpdatedReplicas() == 3 && s.getReplicas() != null && s.getReplicas() == 3
                && s.getAvailableReplicas() != null && s.getAvailableReplicas() == 3;
    }

    private static Deployment status() {
        return client.apps().deployments().inNamespace("default").withName("web").get();
    }

    private static List<Pod> pods() {
        return client.pods().inNamespace("default").withLabel("app", "web").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static List<ReplicaSet> replicaSets() {
        return client.apps().replicaSets().inNamespace("default").list().getItems();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Plays the kubelet: Running and Ready now. */
    private static void markReady(Pod pod) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        if (pod.getStatus() == null) {
            pod.setStatus(new PodStatus());
        }
        pod.getStatus().setPhase("Running");
        pod.getStatus().setConditions(List.of(new PodCondition(null, now, null, null, null, "True", "Ready")));
        try {
            client.pods().inNamespace("default").resource(pod).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 409) {
                throw e;
            }
        }
    }
}
