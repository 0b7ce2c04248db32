package io.kube4j.controllers.replicaset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReplicationControllers against a real API server: pods kept at spec.replicas, owned, status reported. */
class ReplicationControllerEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void keepsReplicasAndReplacesADeletedPod() throws Exception {
        try (LiveCluster cluster = LiveCluster.start()) {
            KubernetesClient client = cluster.client();
            cluster.runControllerManager();
            client.replicationControllers().inNamespace("default").resource(new ReplicationControllerBuilder()
                    .withNewMetadata().withName("rc").endMetadata()
                    .withNewSpec().withReplicas(2).addToSelector("app", "rc")
                    .withNewTemplate().withNewMetadata().addToLabels("app", "rc").endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                    .endTemplate().endSpec().build()).create();

            Poll.until(TIMEOUT, "2 pods", () -> pods(client).size() == 2);
            Pod victim = pods(client).getFirst();
            assertEquals("ReplicationController", victim.getMetadata().getOwnerReferences().getFirst().getKind());
            client.pods().inNamespace("default").withName(victim.getMetadata().getName()).delete();

            Poll.until(TIMEOUT, "a replacement pod", () -> pods(client).size() == 2
                    && pods(client).stream().noneMatch(p -> p.getMetadata().getName().equals(victim.getMetadata().getName())));
            Poll.until(TIMEOUT, "status.replicas 2", () -> {
                ReplicationController rc = client.replicationControllers().inNamespace("default").withName("rc").get();
                return rc.getStatus() != null && Integer.valueOf(2).equals(rc.getStatus().getReplicas());
            });
        }
    }

    private static List<Pod> pods(KubernetesClient client) {
        return client.pods().inNamespace("default").withLabel("app", "rc").list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }
}
