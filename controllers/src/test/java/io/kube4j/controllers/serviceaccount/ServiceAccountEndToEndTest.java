package io.kube4j.controllers.serviceaccount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.endpoints.LiveCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceAccountEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void everyNamespaceGetsItsDefaultServiceAccountBackAfterDeletion() throws Exception {
        try (LiveCluster cluster = LiveCluster.start()) {
            KubernetesClient client = cluster.client();
            cluster.run(new ServiceAccountController(cluster.context()));

            LiveCluster.poll("default/default", TIMEOUT, () -> account(client, "default"));
            LiveCluster.poll("kube-system/default", TIMEOUT, () -> account(client, "kube-system"));

            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
                    .create();
            ServiceAccount created = LiveCluster.poll("team-a/default", TIMEOUT, () -> account(client, "team-a"));
            assertEquals("team-a", created.getMetadata().getNamespace());

            client.serviceAccounts().inNamespace("team-a").withName("default").delete();
            LiveCluster.poll("a new team-a/default", TIMEOUT, () -> {
                ServiceAccount again = account(client, "team-a");
                return again != null && !again.getMetadata().getUid().equals(created.getMetadata().getUid()) ? again : null;
            });
        }
    }

    private static ServiceAccount account(KubernetesClient client, String namespace) {
        return client.serviceAccounts().inNamespace(namespace).withName("default").get();
    }
}
