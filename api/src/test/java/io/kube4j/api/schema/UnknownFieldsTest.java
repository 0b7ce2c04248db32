package io.kube4j.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kube4j.api.resource.GroupVersionKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

class UnknownFieldsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TypeSchema pod = SchemaRegistry.builtin().forKind(GroupVersionKind.of("v1", "Pod"));

    private static JsonNode json(String text) {
        return io.kube4j.api.json.Json.parse(text.replace('\'', '"'));
    }

    @Test
    void findsUnknownFieldsWithUpstreamPaths() throws Exception {
        JsonNode manifest = json("""
                {'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','bogus':1},
                 'spec':{'x':true,'containers':[{'name':'a','image':'nginx'},{'name':'b','foo':'bar',
                   'ports':[{'containerPort':80,'nope':1}]}]},
                 'extra':{}}""");
        assertEquals(List.of("metadata.bogus", "spec.x", "spec.containers[1].foo", "spec.containers[1].ports[0].nope",
                "extra"), UnknownFields.find(pod, manifest));
    }

    @Test
    void acceptsKnownFieldsMapKeysAndOpaqueValues() throws Exception {
        JsonNode manifest = json("""
                {'apiVersion':'v1','kind':'Pod',
                 'metadata':{'name':'p','labels':{'any/key':'v'},'managedFields':[{'fieldsV1':{'f:spec':{}}}]},
                 'spec':{'containers':[{'name':'a','resources':{'limits':{'cpu':'1','memory':1024}}}],
                   'tolerations':[{'key':'k','operator':'Exists'}]},
                 'status':{'phase':'Running'}}""");
        assertEquals(List.of(), UnknownFields.find(pod, manifest));
    }

    @Test
    void looksInsideMapValuesButNotInsidePreservedValues() throws Exception {
        TypeSchema revision = SchemaRegistry.builtin().forKind(GroupVersionKind.of("apps/v1", "ControllerRevision"));
        assertEquals(List.of(), UnknownFields.find(revision, json("{'data':{'anything':{'goes':1}},'revision':1}")));

        TypeSchema crd = SchemaRegistry.builtin()
                .forKind(GroupVersionKind.of("apiextensions.k8s.io/v1", "CustomResourceDefinition"));
        JsonNode manifest = json("""
                {'spec':{'versions':[{'name':'v1','schema':{'openAPIV3Schema':{'type':'object',
                  'properties':{'spec':{'type':'object','typo':1}}}}}]}}""");
        assertEquals(List.of("spec.versions[0].schema.openAPIV3Schema.properties.spec.typo"),
                UnknownFields.find(crd, manifest));
    }
}
