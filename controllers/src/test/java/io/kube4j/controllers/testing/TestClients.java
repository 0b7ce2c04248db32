package io.kube4j.controllers.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.TestApiServer;
import java.nio.file.Files;

/** fabric8 clients for a {@link TestApiServer}, configured from its admin kubeconfig alone, as kubectl is. */
public final class TestClients {
    private TestClients() {
    }

    public static KubernetesClient connect(TestApiServer server) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
