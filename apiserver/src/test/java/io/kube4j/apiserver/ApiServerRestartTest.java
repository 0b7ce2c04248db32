package io.kube4j.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.registry.WriteOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server restarted on its data dir comes up with its objects, bootstrap objects included. */
class ApiServerRestartTest {
    @TempDir
    Path dir;

    @Test
    void restartKeepsObjectsAndBootstrapsAgain() throws Exception {
        ApiServerConfig config = new ApiServerConfig(dir, "127.0.0.1", 0, "127.0.0.1", null, "t", "10.96.0.0/12");
        String clusterIp;
        try (ApiServer first = ApiServer.start(config)) {
            ObjectNode cm = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", "kept");
            first.registries().find("", "v1", "configmaps").create("default", cm, WriteOptions.DEFAULT);
            clusterIp = first.registries().find("", "v1", "services").get("default", "kubernetes")
                    .path("spec").path("clusterIP").asText();
        }
        try (ApiServer second = ApiServer.start(config)) {
            assertEquals("kept", second.registries().find("", "v1", "configmaps").get("default", "kept")
                    .path("metadata").path("name").asText());
            assertEquals(clusterIp, second.registries().find("", "v1", "services").get("default", "kubernetes")
                    .path("spec").path("clusterIP").asText());
        }
    }
}
