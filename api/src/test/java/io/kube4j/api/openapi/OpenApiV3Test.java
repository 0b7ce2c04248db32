package io.kube4j.api.openapi;

import static io.kube4j.api.openapi.OpenApiDocuments.JSON;
import static io.kube4j.api.openapi.OpenApiDocuments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.api.resource.BuiltinResources;
import io.kube4j.api.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

class OpenApiV3Test {
    private static final OpenApiV3 BUILTIN = OpenApiV3.build(BuiltinResources.all(), r -> null);

    private static JsonNode document(OpenApiV3 openApi, String path) {
        OpenApiDocument document = openApi.document(path);
        assertNotNull(document, path);
        return parse(document);
    }

    private static Set<String> names(JsonNode node) {
        java.util.Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void indexLinksEveryGroupVersionByHash() throws Exception {
        JsonNode paths = parse(BUILTIN.index()).path("paths");
        assertTrue(names(paths).containsAll(Set.of("api/v1", "apis/apps/v1", "apis/batch/v1", "apis/autoscaling/v2",
                "apis/rbac.authorization.k8s.io/v1", "apis/apiextensions.k8s.io/v1")), names(paths).toString());
        assertEquals(BUILTIN.groupVersionPaths(), names(paths));
        for (String path : BUILTIN.groupVersionPaths()) {
            assertEquals("/openapi/v3/" + path + "?hash=" + BUILTIN.document(path).hash(),
                    paths.path(path).path("serverRelativeURL").asText());
        }
        assertEquals(128, BUILTIN.document("api/v1").hash().length());
        assertNull(BUILTIN.document("apis/nope/v1"));
    }

    @Test
    void configMapPatchAdvertisesFieldValidationAndPatchTypes() throws Exception {
        JsonNode core = document(BUILTIN, "api/v1");
        assertEquals("3.0.0", core.path("openapi").asText());
        JsonNode patch = core.path("paths").path("/api/v1/namespaces/{namespace}/configmaps/{name}").path("patch");
        assertEquals(JSON.readTree("{\"group\":\"\",\"kind\":\"ConfigMap\",\"version\":\"v1\"}"),
                patch.path("x-kubernetes-group-version-kind"));
        assertEquals("patch", patch.path("x-kubernetes-action").asText());
        List<String> parameters = new ArrayList<>();
        patch.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertEquals(List.of("dryRun", "fieldManager", "fieldValidation", "force"), parameters);
        assertEquals(Set.of("application/json-patch+json", "application/merge-patch+json",
                "application/strategic-merge-patch+json", "application/apply-patch+yaml"),
                names(patch.path("requestBody").path("content")));
    }

    @Test
    void pathsCoverCollectionsItemsScopesAndSubresources() throws Exception {
        JsonNode paths = document(BUILTIN, "apis/apps/v1").path("paths");
        JsonNode collection = paths.path("/apis/apps/v1/namespaces/{namespace}/deployments");
        assertEquals(Set.of("parameters", "get", "post", "delete"), names(collection));
        assertEquals("list", collection.path("get").path("x-kubernetes-action").asText());
        assertEquals("deletecollection", collection.path("delete").path("x-kubernetes-action").asText());
        assertEquals("createAppsV1NamespacedDeployment", collection.path("post").path("operationId").asText());
        assertEquals(Set.of("parameters", "get", "put", "patch", "delete"),
                names(paths.path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")));
        assertTrue(paths.has("/apis/apps/v1/deployments"), "list across namespaces");
        JsonNode scale = paths.path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
        assertEquals("Scale", scale.path("patch").path("x-kubernetes-group-version-kind").path("kind").asText());
        assertTrue(paths.has("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"));

        JsonNode core = document(BUILTIN, "api/v1").path("paths");
        assertTrue(core.has("/api/v1/nodes/{name}"), "cluster-scoped item");
        assertFalse(core.has("/api/v1/namespaces/{namespace}/nodes"));
        JsonNode eviction = core.path("/api/v1/namespaces/{namespace}/pods/{name}/eviction").path("post");
        assertEquals("policy", eviction.path("x-kubernetes-group-version-kind").path("group").asText());
        assertFalse(core.has("/api/v1/namespaces/{namespace}/pods/{name}/exec"), "streaming subresources have no schema");
    }

    @Test
    void componentsHoldEveryReachableSchemaWithKindsTagged() throws Exception {
        JsonNode core = document(BUILTIN, "api/v1");
        JsonNode schemas = core.path("components").path("schemas");
        JsonNode pod = schemas.path("io.k8s.api.core.v1.Pod");
        assertEquals(JSON.readTree("[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]"),
                pod.path("x-kubernetes-group-version-kind"));
        JsonNode containers = schemas.path("io.k8s.api.core.v1.PodSpec").path("properties").path("containers");
        assertEquals("merge", containers.path("x-kubernetes-patch-strategy").asText());
        assertEquals("name", containers.path("x-kubernetes-patch-merge-key").asText());
        assertEquals("PodList", schemas.path("io.k8s.api.core.v1.PodList")
                .path("x-kubernetes-group-version-kind").path(0).path("kind").asText());
        assertTrue(schemas.has("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        assertTrue(schemas.has("io.k8s.apimachinery.pkg.apis.meta.v1.Status"));
        assertTrue(schemas.has("io.k8s.api.policy.v1.Eviction"));
        assertFalse(schemas.has("io.k8s.api.apps.v1.Deployment"), "other group versions stay out");
        assertEquals("string", schemas.path("io.k8s.apimachinery.pkg.api.resource.Quantity")
                .path("oneOf").path(0).path("type").asText());
        for (String path : BUILTIN.groupVersionPaths()) {
            JsonNode document = document(BUILTIN, path);
            OpenApiDocuments.assertReferencesResolve(document, "#/components/schemas/",
                    document.path("components").path("schemas"));
        }
    }

    @Test
    void customResourcesGetTheirSchemaButNoStrategicMergePatch() throws Exception {
        ResourceType crontabs = ResourceType.builder("stable.example.com/v1", "CronTab", "crontabs")
                .subresource("status", "get", "patch", "update").build();
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"spec":{"type":"object","properties":{"cron":{"type":"string"}}}}}""");
        List<ResourceType> resources = new ArrayList<>(BuiltinResources.all());
        resources.add(crontabs);
        OpenApiV3 openApi = OpenApiV3.build(resources, r -> r == crontabs ? schema : null);

        JsonNode document = document(openApi, "apis/stable.example.com/v1");
        JsonNode crontab = document.path("components").path("schemas").path("com.example.stable.v1.CronTab");
        assertEquals("CronTab", crontab.path("x-kubernetes-group-version-kind").path(0).path("kind").asText());
        assertEquals("string", crontab.path("properties").path("spec").path("properties").path("cron").path("type")
                .asText());
        assertTrue(crontab.path("properties").has("metadata"));
        JsonNode patch = document.path("paths").path("/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}")
                .path("patch");
        assertEquals("CronTab", patch.path("x-kubernetes-group-version-kind").path("kind").asText());
        assertFalse(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"));
        assertTrue(patch.path("requestBody").path("content").has("application/merge-patch+json"));
        OpenApiDocuments.assertReferencesResolve(document, "#/components/schemas/",
                document.path("components").path("schemas"));
        assertTrue(openApi.groupVersionPaths().contains("apis/stable.example.com/v1"));
        assertEquals(BUILTIN.document("api/v1").hash(), openApi.document("api/v1").hash(),
                "other documents are unaffected");
    }

    @Test
    void buildingIsDeterministic() throws Exception {
        OpenApiV3 again = OpenApiV3.build(BuiltinResources.all(), r -> null);
        assertEquals(BUILTIN.index().hash(), again.index().hash());
    }

    @Test
    void groupVersionPaths() throws Exception {
        assertEquals("api/v1", OpenApiV3.groupVersionPath("v1"));
        assertEquals("apis/apps/v1", OpenApiV3.groupVersionPath("apps/v1"));
    }
}
