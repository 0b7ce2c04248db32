package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.Fixtures;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kubectl get events} shows each controller as its upstream SOURCE, not the controller manager as a whole. */
class ControllerManagerEventSourcesTest {
    @Test
    void aDeploymentsEventsComeFromTheDeploymentAndReplicaSetControllers() throws Exception {
        try (LiveCluster cluster = LiveCluster.start()) {
            cluster.runControllerManager();
            KubernetesClient client = cluster.client();
            client.apps().deployments().inNamespace(Fixtures.NS).resource(new DeploymentBuilder()
                    .withNewMetadata().withName("web").endMetadata()
                    .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Fixtures.APP_WEB).endSelector()
                    .withTemplate(Fixtures.template("nginx:1")).endSpec()
                    .build()).create();

            Poll.until(Duration.ofSeconds(20), "ScalingReplicaSet from deployment-controller and SuccessfulCreate "
                    + "from replicaset-controller", () -> sources(client), s ->
                    s.contains("ScalingReplicaSet deployment-controller") && s.contains("SuccessfulCreate replicaset-controller"));
        }
    }

    private static List<String> sources(KubernetesClient client) {
        return client.v1().events().inNamespace(Fixtures.NS).list().getItems().stream()
                .map((Event e) -> e.getReason() + " " + e.getSource().getComponent()).toList();
    }
}
