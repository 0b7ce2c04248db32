package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.TestApiServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.util.Base64;

/** fabric8 clients for a {@link TestApiServer}. */
public final class TestClients {
    private TestClients() {
    }

    public static KubernetesClient connect(TestApiServer server) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        // fabric8 reads a PKCS#8 key as RSA unless told the algorithm, which the client certificate names.
        byte[] certificate = Base64.getDecoder().decode(config.getClientCertData());
        config.setClientKeyAlgo(CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate)).getPublicKey().getAlgorithm());
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
