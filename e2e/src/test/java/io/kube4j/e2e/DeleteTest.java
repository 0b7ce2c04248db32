package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting objects: delete -f, delete -l, namespace deletion (Terminating, then gone with its content). */
class DeleteTest {
    private static Cluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start();
        kubectl = cluster.kubectl();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    /** Namespace {@code ns} holding pod web1 (app=web) and configmap settings. */
    private static String namespaceWithContent(String ns) {
        String manifest = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %1$s}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web1, namespace: %1$s, labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: %1$s}
                data: {k: v}
                """.formatted(ns);
        kubectl.runWithInput(manifest, "create", "-f", "-").ok();
        return manifest;
    }

    @Test
    void deleteFileDeletesEachObject() {
        String manifest = namespaceWithContent("delete-file");
        Kubectl.Result deleted = kubectl.runWithInput(manifest, "delete", "-f", "-").ok();
        assertEquals("""
                namespace "delete-file" deleted
                pod "web1" deleted
                configmap "settings" deleted
                """, deleted.stdout());
        assertNamespaceGone("delete-file");
    }

    @Test
    void deletePodsBySelector() {
        kubectl.run("create", "namespace", "delete-selector").ok();
        kubectl.run("run", "web-a", "--image=nginx", "--labels=app=web", "-n", "delete-selector").ok();
        kubectl.run("run", "web-b", "--image=nginx", "--labels=app=web", "-n", "delete-selector").ok();
        kubectl.run("run", "db", "--image=postgres", "--labels=app=db", "-n", "delete-selector").ok();

        Kubectl.Result deleted = kubectl.run("delete", "pod", "-l", "app=web", "-n", "delete-selector").ok();
        assertEquals("pod \"web-a\" deleted\npod \"web-b\" deleted\n", deleted.stdout());
        assertEquals("db", kubectl.run("get", "pods", "-n", "delete-selector", "-o",
                "jsonpath={.items[*].metadata.name}").ok().stdout());
        assertEquals(404, cluster.api().get("/api/v1/namespaces/delete-selector/pods/web-a").status());
    }

    @Test
    void deleteMissingObjectIsNotFound() {
        Kubectl.Result missing = kubectl.run("delete", "configmap", "nope", "-n", "default").failed();
        assertEquals("Error from server (NotFound): configmaps \"nope\" not found\n", missing.stderr());
    }

    @Test
    void namespaceGoesTerminatingThenDisappearsWithItsContent() throws Exception {
        namespaceWithContent("terminating");
        RawApi api = cluster.api();
        RawApi.Response response = api.delete("/api/v1/namespaces/terminating");
        assertEquals(200, response.status(), response.body());
        JsonNode namespace = response.json();
        assertEquals("Namespace", namespace.path("kind").asText(), response.body());
        assertEquals("Terminating", namespace.path("status").path("phase").asText(), response.body());
        assertFalse(namespace.path("metadata").path("deletionTimestamp").isMissingNode(), response.body());
        assertEquals("kubernetes", namespace.path("spec").path("finalizers").path(0).asText(), response.body());

        awaitNotFound(api, "/api/v1/namespaces/terminating");
        assertEquals(0, api.get("/api/v1/namespaces/terminating/pods").json().path("items").size());
        assertEquals(0, api.get("/api/v1/namespaces/terminating/configmaps").json().path("items").size());
    }

    @Test
    void kubectlDeleteNamespaceWaitsUntilGone() {
        namespaceWithContent("delete-ns");
        assertEquals("namespace \"delete-ns\" deleted\n", kubectl.run("delete", "namespace", "delete-ns").ok().stdout());
        assertNamespaceGone("delete-ns");
    }

    private static void assertNamespaceGone(String ns) {
        assertEquals("Error from server (NotFound): namespaces \"" + ns + "\" not found\n",
                kubectl.run("get", "namespace", ns).failed().stderr());
        RawApi api = cluster.api();
        JsonNode pods = api.get("/api/v1/namespaces/" + ns + "/pods").json();
        assertEquals(0, pods.path("items").size(), () -> "pods left behind: " + pods);
        JsonNode configMaps = api.get("/api/v1/namespaces/" + ns + "/configmaps").json();
        assertEquals(0, configMaps.path("items").size(), () -> "configmaps left behind: " + configMaps);
    }

    private static void awaitNotFound(RawApi api, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RawApi.Response last = api.get(path);
        while (last.status() != 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = api.get(path);
        }
        assertEquals(404, last.status(), last.body());
    }
}
