package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests the server must reject with a Status (and store nothing), sent by kubectl where it can
 * produce them and as raw HTTPS requests otherwise; plus authentication.
 */
class BadInputTest {
    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String JSON = "application/json";
    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private static Cluster cluster;
    private static Kubectl kubectl;
    private static RawApi api;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start();
        kubectl = cluster.kubectl();
        api = cluster.api();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void malformedJsonIsBadRequest() {
        RawApi.Response response = api.send("POST", CONFIGMAPS, JSON,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"broken-json\"");
        assertStatus(response, 400, "BadRequest");
        assertNotStored(CONFIGMAPS + "/broken-json");
    }

    @Test
    void malformedYamlIsBadRequest() {
        RawApi.Response response = api.send("POST", CONFIGMAPS, "application/yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken-yaml\ndata: [\n");
        assertStatus(response, 400, "BadRequest");
        assertNotStored(CONFIGMAPS + "/broken-yaml");
    }

    @Test
    void bodyWithoutProtobufMagicIsBadRequest() {
        RawApi.Response response = api.send("POST", CONFIGMAPS, PROTOBUF,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"not-protobuf\"}}");
        assertStatus(response, 400, "BadRequest");
        assertNotStored(CONFIGMAPS + "/not-protobuf");
    }

    @Test
    void truncatedProtobufEnvelopeIsBadRequest() {
        // "k8s\0", then field 1 (typeMeta) claiming 100 bytes of which only 2 follow
        byte[] body = {'k', '8', 's', 0, 0x0a, 100, 0x0a, 0x02};
        RawApi.Response response = api.send("POST", CONFIGMAPS, PROTOBUF, body);
        assertStatus(response, 400, "BadRequest");
    }

    @Test
    void unknownFieldWithStrictValidationIsRejectedByKubectlCreate() {
        Kubectl.Result result = kubectl.runWithInput("""
                apiVersion: v1
                kind: Pod
                metadata: {name: strict, namespace: default}
                spec:
                  x: 1
                  containers: [{name: c, image: nginx}]
                """, "create", "-f", "-").failed();
        assertEquals("Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be "
                + "handled as a Pod: strict decoding error: unknown field \"spec.x\"\n", result.stderr());
        assertNotStored("/api/v1/namespaces/default/pods/strict");
    }

    @Test
    void unknownFieldWithStrictValidationIsBadRequest() {
        RawApi.Response response = api.send("POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict", JSON,
                pod("strict-raw", "\"x\":1,"));
        JsonNode status = assertStatus(response, 400, "BadRequest");
        assertEquals("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.x\"",
                status.path("message").asText());
        assertNotStored("/api/v1/namespaces/default/pods/strict-raw");
    }

    @Test
    void unknownFieldWithDefaultValidationWarnsAndDropsTheField() {
        RawApi.Response response = api.send("POST", "/api/v1/namespaces/default/pods", JSON, pod("lenient", "\"x\":1,"));
        assertEquals(201, response.status(), response.body());
        assertEquals("299 - \"unknown field \\\"spec.x\\\"\"", response.headers().firstValue("Warning").orElse(""));
        JsonNode stored = api.get("/api/v1/namespaces/default/pods/lenient").json();
        assertFalse(stored.path("spec").has("x"), () -> "unknown field kept: " + stored);
    }

    @Test
    void invalidNameIsUnprocessable() {
        Kubectl.Result result = kubectl.runWithInput("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: Bad_Name, namespace: default}
                """, "create", "-f", "-").failed();
        assertTrue(result.stderr().startsWith("The ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: "
                + "\"Bad_Name\": a lowercase RFC 1123 subdomain must consist of"), result.stderr());

        RawApi.Response response = api.send("POST", CONFIGMAPS, JSON,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"Bad_Name\"}}");
        JsonNode status = assertStatus(response, 422, "Invalid");
        JsonNode details = status.path("details");
        assertEquals("Bad_Name", details.path("name").asText());
        assertEquals("ConfigMap", details.path("kind").asText());
        assertEquals("FieldValueInvalid", details.path("causes").path(0).path("reason").asText());
        assertEquals("metadata.name", details.path("causes").path(0).path("field").asText());
        assertNotStored(CONFIGMAPS + "/Bad_Name");
    }

    @Test
    void kindNotMatchingTheUrlIsBadRequest() {
        RawApi.Response response = api.send("POST", "/api/v1/namespaces/default/secrets", JSON,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"wrong-kind\"}}");
        assertStatus(response, 400, "BadRequest");
        assertNotStored("/api/v1/namespaces/default/secrets/wrong-kind");
        assertNotStored(CONFIGMAPS + "/wrong-kind");
    }

    @Test
    void bodyOver3MiBIsTooLarge() throws Exception {
        // kubectl rather than RawApi: the server answers before reading the whole body and resets the
        // HTTP/2 stream, which the JDK client reports as an error instead of returning the response
        Path manifest = Files.createTempFile(cluster.dataDir(), "huge", ".json");
        Files.writeString(manifest, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\","
                + "\"namespace\":\"default\"},\"data\":{\"a\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}");
        Kubectl.Result result = kubectl.run("create", "-f", manifest.toString()).failed();
        assertTrue(result.stderr().startsWith("Error from server (RequestEntityTooLarge): error when creating \""
                + manifest + "\": "), result.stderr());
        assertTrue(result.stderr().contains("Request entity too large: limit is 3145728"), result.stderr());
        assertNotStored(CONFIGMAPS + "/huge");
    }

    @Test
    void createInMissingNamespaceIsNotFound() {
        Kubectl.Result result = kubectl.run("create", "configmap", "orphan", "--from-literal=a=b", "-n", "nope")
                .failed();
        assertEquals("error: failed to create configmap: namespaces \"nope\" not found\n", result.stderr());

        RawApi.Response response = api.send("POST", "/api/v1/namespaces/nope/configmaps", JSON,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"orphan\"}}");
        JsonNode status = assertStatus(response, 404, "NotFound");
        assertEquals("namespaces \"nope\" not found", status.path("message").asText());
        assertEquals("nope", status.path("details").path("name").asText(), response.body());
        assertEquals("namespaces", status.path("details").path("kind").asText(), response.body());
        assertNotStored("/api/v1/namespaces/nope/configmaps/orphan");
    }

    @Test
    void requestsWithoutCredentialsAreUnauthorized() {
        RawApi anonymous = cluster.anonymousApi();
        assertStatus(anonymous.get(CONFIGMAPS), 401, "Unauthorized");
        assertStatus(anonymous.send("POST", CONFIGMAPS, JSON,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"anonymous\"}}"), 401,
                "Unauthorized");
        assertNotStored(CONFIGMAPS + "/anonymous");
    }

    @Test
    void anUnauthenticatedLargeBodyGetsTheAnswerNotAStreamReset() {
        String big = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}}";
        assertStatus(cluster.anonymousApi().send("POST", CONFIGMAPS, JSON, big), 401, "Unauthorized");
        assertNotStored(CONFIGMAPS + "/big");
    }

    @Test
    void healthAndVersionNeedNoCredentials() {
        RawApi anonymous = cluster.anonymousApi();
        RawApi.Response health = anonymous.get("/healthz");
        assertEquals(200, health.status(), health.body());
        assertEquals("ok", health.body());
        RawApi.Response version = anonymous.get("/version");
        assertEquals(200, version.status(), version.body());
        assertEquals("32", version.json().path("minor").asText());
        assertEquals(200, anonymous.get("/livez").status());
        assertEquals(200, anonymous.get("/readyz").status());
    }

    private static String pod(String name, String extraSpec) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{" + extraSpec
                + "\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}";
    }

    /** Asserts a Failure Status with this code and reason, and returns it. */
    private static JsonNode assertStatus(RawApi.Response response, int code, String reason) {
        assertEquals(code, response.status(), response.body());
        JsonNode status = response.json();
        assertEquals("Status", status.path("kind").asText(), response.body());
        assertEquals("v1", status.path("apiVersion").asText(), response.body());
        assertEquals("Failure", status.path("status").asText(), response.body());
        assertEquals(reason, status.path("reason").asText(), response.body());
        assertEquals(code, status.path("code").asInt(), response.body());
        assertFalse(status.path("message").asText().isEmpty(), response.body());
        return status;
    }

    private static void assertNotStored(String path) {
        RawApi.Response response = api.get(path);
        assertEquals(404, response.status(), () -> path + " was stored: " + response.body());
    }
}
