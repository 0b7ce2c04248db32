package io.kube4j.controllers.serviceaccount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ServiceAccountEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void everyNamespaceGetsItsDefaultServiceAccountBackAfterDeletion() throws Exception {
        try (LiveCluster cluster = LiveCluster.start()) {
            KubernetesClient client = cluster.client();
            cluster.run(new ServiceAccountController(cluster.context()));

            Poll.until(TIMEOUT, "default/default", () -> account(client, "default"), Objects::nonNull);
            Poll.until(TIMEOUT, "kube-system/default", () -> account(client, "kube-system"), Objects::nonNull);

            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
                    .create();
            ServiceAccount created = Poll.until(TIMEOUT, "team-a/default", () -> account(client, "team-a"), Objects::nonNull);
            assertEquals("team-a", created.getMetadata().getNamespace());

            client.serviceAccounts().inNamespace("team-a").withName("default").delete();
            Poll.until(TIMEOUT, "a new team-a/default", () -> {
                ServiceAccount again = account(client, "team-a");
                return again != null && !again.getMetadata().getUid().equals(created.getMetadata().getUid()) ? again : null;
            }, Objects::nonNull);
        }
    }

    private static ServiceAccount account(KubernetesClient client, String namespace) {
        return client.serviceAccounts().inNamespace(namespace).withName("default").get();
    }
}
