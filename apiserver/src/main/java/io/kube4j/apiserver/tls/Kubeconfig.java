package io.kube4j.apiserver.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Writes the kubeconfig through which kubectl reaches the cluster as the admin user. */
public final class Kubeconfig {

    /** The name of the single cluster, user and context. */
    public static final String NAME = "default";

    private Kubeconfig() {
    }

    /**
     * Writes (replacing) a kubeconfig with one cluster, user and context named {@value #NAME}, the
     * credentials inlined as base64 {@code -data} fields; the file gets mode 0600 and its parent
     * directories are created.
     */
    public static void write(Path file, String serverUrl, String caPem, String clientCertPem, String clientKeyPem)
            throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority-data: %3$s
                users:
                - name: %1$s
                  user:
                    client-certificate-data: %4$s
                    client-key-data: %5$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                preferences: {}
                """.formatted(NAME, quoted(serverUrl), base64(caPem), base64(clientCertPem), base64(clientKeyPem));
        SecureFiles.write(file, yaml, SecureFiles.OWNER_ONLY);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
