package io.kube4j.apiserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class KubeconfigTest {

    @TempDir
    Path home;

    @Test
    void writesPrivateYamlWithInlinedCredentials() throws Exception {
        Path file = home.resolve(".kube/config");

        Kubeconfig.write(file, "https://127.0.0.1:6443", "CA PEM\n", "CERT PEM\n", "KEY PEM\n");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        assertEquals("Config", config.get("kind"));
        assertEquals("default", config.get("current-context"));
        Map<?, ?> cluster = entry(config, "clusters", "cluster");
        assertEquals("https://127.0.0.1:6443", cluster.get("server"));
        assertEquals("CA PEM\n", decoded(cluster.get("certificate-authority-data")));
        Map<?, ?> user = entry(config, "users", "user");
        assertEquals("CERT PEM\n", decoded(user.get("client-certificate-data")));
        assertEquals("KEY PEM\n", decoded(user.get("client-key-data")));
        assertEquals(Map.of("cluster", "default", "user", "default"), entry(config, "contexts", "context"));
    }

    @Test
    void replacesAnExistingFileAndTightensItsMode() throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Kubeconfig.write(file, "https://kube4j.local:6443", "a", "b", "c");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        assertEquals("https://kube4j.local:6443", entry(config, "clusters", "cluster").get("server"));
    }

    /** The body of the single named entry of a kubeconfig list, e.g. clusters[0].cluster. */
    private static Map<?, ?> entry(Map<?, ?> config, String list, String body) {
        List<?> entries = (List<?>) config.get(list);
        assertEquals(1, entries.size());
        Map<?, ?> named = (Map<?, ?>) entries.getFirst();
        assertEquals("default", named.get("name"));
        return (Map<?, ?>) named.get(body);
    }

    private static String decoded(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }
}
