package io.kube4j.api.openapi;

import static io.kube4j.api.openapi.OpenApiDocuments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.api.resource.BuiltinResources;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

class OpenApiV2Test {
    private static final OpenApiDocument DOCUMENT = OpenApiV2.build(BuiltinResources.all(), r -> null);
    private static final JsonNode SWAGGER = parse(DOCUMENT);

    @Test
    void isSwagger2WithDefinitionsReferencedAsSuch() throws Exception {
        assertEquals("2.0", SWAGGER.path("swagger").asText());
        JsonNode definitions = SWAGGER.path("definitions");
        OpenApiDocuments.assertReferencesResolve(SWAGGER, "#/definitions/", definitions);
        assertFalse(new String(DOCUMENT.bytes(), StandardCharsets.UTF_8).contains("#/components/"));
        assertTrue(definitions.has("io.k8s.api.apps.v1.Deployment"));
        assertTrue(definitions.has("io.k8s.api.core.v1.Pod"));
    }

    @Test
    void usesV2FormsOfRefsWithPatchMetadataAndOfStringOrNumberTypes() throws Exception {
        JsonNode definitions = SWAGGER.path("definitions");
        JsonNode strategy = definitions.path("io.k8s.api.apps.v1.DeploymentSpec").path("properties").path("strategy");
        assertEquals("#/definitions/io.k8s.api.apps.v1.DeploymentStrategy", strategy.path("$ref").asText());
        assertEquals("retainKeys", strategy.path("x-kubernetes-patch-strategy").asText());
        assertEquals("string", definitions.path("io.k8s.apimachinery.pkg.api.resource.Quantity").path("type").asText());
        assertEquals("int-or-string",
                definitions.path("io.k8s.apimachinery.pkg.util.intstr.IntOrString").path("format").asText());
    }

    @Test
    void patchOperationsTakeABodyParameterAndDeclareTheirPatchTypes() throws Exception {
        JsonNode patch = SWAGGER.path("paths").path("/api/v1/namespaces/{namespace}/configmaps/{name}").path("patch");
        assertEquals("ConfigMap", patch.path("x-kubernetes-group-version-kind").path("kind").asText());
        assertTrue(patch.path("consumes").toString().contains("application/strategic-merge-patch+json"));
        boolean hasBody = false;
        boolean hasFieldValidation = false;
        for (JsonNode parameter : patch.path("parameters")) {
            hasBody |= parameter.path("in").asText().equals("body");
            hasFieldValidation |= parameter.path("name").asText().equals("fieldValidation");
        }
        assertTrue(hasBody && hasFieldValidation);
    }
}
