package io.kube4j.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.api.resource.BuiltinResources;
import io.kube4j.api.resource.GroupVersionKind;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.TypeSchema.Type;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

class SchemaRegistryTest {
    private final SchemaRegistry registry = SchemaRegistry.builtin();

    private TypeSchema kind(String apiVersion, String kind) {
        TypeSchema schema = registry.forKind(GroupVersionKind.of(apiVersion, kind));
        assertNotNull(schema, apiVersion + " " + kind);
        return schema;
    }

    @Test
    void podContainersAreMergedByName() throws Exception {
        TypeSchema containers = kind("v1", "Pod").property("spec").property("containers");
        assertEquals(Type.ARRAY, containers.type());
        assertEquals("merge", containers.patchStrategy());
        assertEquals("name", containers.patchMergeKey());
        TypeSchema container = containers.elements();
        assertEquals(Type.OBJECT, container.type());
        assertEquals(Type.STRING, container.property("image").type());
        assertEquals("containerPort", container.property("ports").patchMergeKey());
        assertEquals("mountPath", container.property("volumeMounts").patchMergeKey());
    }

    @Test
    void patchMetadataFollowsUpstream() throws Exception {
        TypeSchema podSpec = kind("v1", "Pod").property("spec");
        assertEquals("merge,retainKeys", podSpec.property("volumes").patchStrategy());
        assertEquals("ip", podSpec.property("hostAliases").patchMergeKey());
        assertNull(podSpec.property("tolerations").patchStrategy(), "tolerations are replaced");
        assertNull(kind("v1", "Node").property("spec").property("taints").patchStrategy(), "taints are replaced");
        assertEquals("port", kind("v1", "Service").property("spec").property("ports").patchMergeKey());
        assertEquals("type", kind("v1", "Node").property("status").property("addresses").patchMergeKey());

        TypeSchema metadata = kind("v1", "ConfigMap").property("metadata");
        assertEquals("merge", metadata.property("finalizers").patchStrategy());
        assertNull(metadata.property("finalizers").patchMergeKey());
        assertEquals("uid", metadata.property("ownerReferences").patchMergeKey());

        TypeSchema strategy = kind("apps/v1", "Deployment").property("spec").property("strategy");
        assertEquals("retainKeys", strategy.patchStrategy());
        assertEquals(Type.OBJECT, strategy.type(), "a referenced type keeps its shape under patch metadata");
        assertTrue(strategy.propertyNames().contains("rollingUpdate"));
        assertEquals("type", kind("apps/v1", "Deployment").property("status").property("conditions").patchMergeKey());
    }

    @Test
    void everyPatchTableEntryNamesAnExistingField() throws Exception {
        for (PatchStrategies.Entry entry : PatchStrategies.load().entries()) {
            JsonNode definition = registry.definition(entry.definition());
            assertNotNull(definition, "no schema " + entry.definition());
            assertTrue(definition.path("properties").has(entry.field()), entry.definition() + " has no " + entry.field());
        }
    }

    @Test
    void everyRequiredFieldIsDeclaredAndListed() throws Exception {
        RequiredFields.load().all().forEach((name, fields) -> {
            JsonNode definition = registry.definition(name);
            assertNotNull(definition, "no schema " + name);
            for (String field : fields) {
                assertTrue(definition.path("properties").has(field), name + " has no " + field);
            }
            assertEquals(fields.size(), definition.path("required").size(), name);
        });
        assertEquals("name", registry.definition("io.k8s.api.core.v1.Container").path("required").get(0).asText());
    }

    @Test
    void mapsScalarsAndSpecialTypes() throws Exception {
        TypeSchema container = kind("v1", "Pod").property("spec").property("containers").elements();
        TypeSchema limits = container.property("resources").property("limits");
        assertEquals(Type.MAP, limits.type());
        assertEquals(Type.QUANTITY, limits.elements().type());
        assertEquals(Type.INT_OR_STRING,
                kind("v1", "Service").property("spec").property("ports").elements().property("targetPort").type());
        assertEquals(Type.INTEGER, kind("apps/v1", "Deployment").property("spec").property("replicas").type());
        assertEquals(Type.BOOLEAN, kind("apps/v1", "Deployment").property("spec").property("paused").type());
        TypeSchema labels = kind("v1", "Pod").property("metadata").property("labels");
        assertEquals(Type.MAP, labels.type());
        assertEquals(Type.STRING, labels.elements().type());
        assertEquals(Type.ANY, kind("apps/v1", "ControllerRevision").property("data").type());
        assertEquals(Type.ANY,
                kind("v1", "Pod").property("metadata").property("managedFields").elements().property("fieldsV1").type());
        assertEquals("date-time", registry.definition(SchemaNames.OBJECT_META)
                .path("properties").path("creationTimestamp").path("format").asText());
    }

    @Test
    void jsonSchemaPropsIsRecursive() throws Exception {
        TypeSchema openApiV3Schema = kind("apiextensions.k8s.io/v1", "CustomResourceDefinition").property("spec")
                .property("versions").elements().property("schema").property("openAPIV3Schema");
        assertEquals(Type.OBJECT, openApiV3Schema.type());
        assertSame(openApiV3Schema, openApiV3Schema.property("properties").elements());
        assertEquals(Type.ANY, openApiV3Schema.property("items").type());
        assertEquals(Type.STRING, openApiV3Schema.property("$ref").type());
        assertEquals(Type.BOOLEAN, openApiV3Schema.property("x-kubernetes-preserve-unknown-fields").type());
    }

    @Test
    void everyBuiltinKindHasASchemaWithObjectMetaAndItsGvk() throws Exception {
        for (ResourceType resource : BuiltinResources.all()) {
            TypeSchema schema = registry.forKind(resource.gvk());
            assertNotNull(schema, "no schema for " + resource.gvk());
            assertEquals(Type.OBJECT, schema.type(), resource.gvk().toString());
            assertTrue(schema.propertyNames().containsAll(java.util.Set.of("apiVersion", "kind", "metadata")));
            JsonNode gvks = registry.definition(registry.definitionName(resource.gvk()))
                    .path("x-kubernetes-group-version-kind");
            assertEquals(resource.kind(), gvks.path(0).path("kind").asText());
            assertEquals(resource.group(), gvks.path(0).path("group").asText());
        }
    }

    @Test
    void namesDefinitionsLikeUpstream() throws Exception {
        assertEquals("io.k8s.api.core.v1.Pod", registry.definitionName(GroupVersionKind.of("v1", "Pod")));
        assertEquals("io.k8s.api.apps.v1.Deployment", registry.definitionName(GroupVersionKind.of("apps/v1", "Deployment")));
        assertEquals("io.k8s.api.batch.v1.Job", registry.definitionName(GroupVersionKind.of("batch/v1", "Job")));
        assertEquals("io.k8s.api.rbac.v1.Role",
                registry.definitionName(GroupVersionKind.of("rbac.authorization.k8s.io/v1", "Role")));
        assertEquals("io.k8s.api.autoscaling.v1.Scale",
                registry.definitionName(GroupVersionKind.of("autoscaling/v1", "Scale")));
        assertEquals("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
                registry.definitionName(GroupVersionKind.of("apiextensions.k8s.io/v1", "CustomResourceDefinition")));
        assertNotNull(registry.definition(SchemaNames.QUANTITY));
        assertNotNull(registry.definition(SchemaNames.INT_OR_STRING));
        assertNotNull(registry.definition("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector"));
    }

    @Test
    void unknownKindsHaveNoSchema() throws Exception {
        assertNull(registry.forKind(GroupVersionKind.of("example.com/v1", "Widget")));
        assertNull(registry.definitionName(GroupVersionKind.of("v1", "PodExecOptions")));
    }
}
