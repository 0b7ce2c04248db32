package io.kube4j.controllers.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three propagation policies against a real API server, with ReplicaSets and their pods. The
 * server marks Foreground and Orphan deletions with the {@code foregroundDeletion} / {@code orphan}
 * finalizers, which the collector carries out.
 */
class GarbageCollectorEndToEndTest {
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
    void backgroundDeletionRemovesThePodsAfterTheReplicaSet() throws Exception {
        createReplicaSet("bg");
        client.apps().replicaSets().inNamespace("default").withName("bg")
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();

        Poll.until(TIMEOUT, "the pods to be collected", () -> pods("bg").isEmpty());
    }

    @Test
    void foregroundDeletionRemovesThePodsBeforeTheReplicaSet() throws Exception {
        createReplicaSet("fg");
        client.apps().replicaSets().inNamespace("default").withName("fg")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();

        Poll.until(TIMEOUT, "the ReplicaSet to go after its pods", () -> replicaSet("fg") == null);
        assertTrue(pods("fg").isEmpty());
    }

    @Test
    void orphanDeletionKeepsThePodsWithoutTheirOwner() throws Exception {
        createReplicaSet("orphans");
        client.apps().replicaSets().inNamespace("default").withName("orphans")
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();

        Poll.until(TIMEOUT, "the ReplicaSet to go", () -> replicaSet("orphans") == null);
        Thread.sleep(500);
        List<Pod> pods = pods("orphans");
        assertEquals(2, pods.size());
        assertTrue(pods.stream().allMatch(p -> p.getMetadata().getOwnerReferences() == null
                || p.getMetadata().getOwnerReferences().isEmpty()));
    }

    private static void createReplicaSet(String app) throws InterruptedException {
        client.apps().replicaSets().inNamespace("default").resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(app).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", app).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        Poll.until(TIMEOUT, "2 pods of " + app, () -> pods(app).size() == 2);
    }

    private static ReplicaSet replicaSet(String name) {
        return client.apps().replicaSets().inNamespace("default").withName(name).get();
    }

    private static List<Pod> pods(String app) {
        return client.pods().inNamespace("default").withLabel("app", app).list().getItems();
    }
}
