package io.kube4j.api.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Test helpers to read documents and check their references. */
final class OpenApiDocuments {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiDocuments() {
    }

    static JsonNode parse(OpenApiDocument document) {
        try {
            return JSON.readTree(document.bytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asserts that every {@code $ref} string in the document names a definition under {@code definitions}. */
    static void assertReferencesResolve(JsonNode document, String prefix, JsonNode definitions) {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(!refs.isEmpty(), "the document has references");
        for (String ref : refs) {
            assertTrue(ref.startsWith(prefix), ref);
            assertTrue(definitions.has(ref.substring(prefix.length())), "unresolved " + ref);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                refs.add(field.getValue().asText());
            }
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
