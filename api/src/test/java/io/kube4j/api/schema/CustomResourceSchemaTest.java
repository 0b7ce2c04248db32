package io.kube4j.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.api.schema.TypeSchema.Type;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

class CustomResourceSchemaTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode OPEN_API_V3_SCHEMA = json("""
            {'type':'object','properties':{
              'spec':{'type':'object','properties':{
                'replicas':{'type':'integer'},
                'size':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}]},
                'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['name'],
                  'items':{'type':'object','properties':{'name':{'type':'string'},'port':{'type':'integer'}}}},
                'tags':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}},
                'args':{'type':'array','items':{'type':'string'}},
                'settings':{'type':'object','additionalProperties':{'type':'string'}},
                'template':{'type':'object','x-kubernetes-preserve-unknown-fields':true},
                'options':{'type':'object','x-kubernetes-preserve-unknown-fields':true,
                  'properties':{'debug':{'type':'boolean'}}},
                'closed':{'type':'object'},
                'workload':{'type':'object','x-kubernetes-embedded-resource':true,
                  'x-kubernetes-preserve-unknown-fields':true}}},
              'status':{'type':'object','properties':{'ready':{'type':'boolean'}}}}}""");

    private final TypeSchema crontab = SchemaRegistry.builtin().forCustomResource(OPEN_API_V3_SCHEMA);

    private static JsonNode json(String text) {
        return io.kube4j.api.json.Json.parse(text.replace('\'', '"'));
    }

    @Test
    void readsTypesAndListSemantics() throws Exception {
        TypeSchema spec = crontab.property("spec");
        assertEquals(Set.of("replicas", "size", "ports", "tags", "args", "settings", "template", "options", "closed",
                "workload"), spec.propertyNames());
        assertEquals(Type.INTEGER, spec.property("replicas").type());
        assertEquals(Type.INT_OR_STRING, spec.property("size").type());
        assertEquals("merge", spec.property("ports").patchStrategy());
        assertEquals("name", spec.property("ports").patchMergeKey());
        assertEquals("merge", spec.property("tags").patchStrategy());
        assertNull(spec.property("tags").patchMergeKey());
        assertNull(spec.property("args").patchStrategy(), "atomic lists are replaced");
        assertEquals(Type.MAP, spec.property("settings").type());
        assertEquals(Type.ANY, spec.property("template").type());
        assertEquals(Type.OBJECT, spec.property("options").type());
        assertEquals(Type.ANY, spec.property("options").property("undeclared").type());
    }

    @Test
    void rootAndEmbeddedResourcesGetTypeFieldsAndObjectMeta() throws Exception {
        assertEquals(Type.STRING, crontab.property("apiVersion").type());
        assertEquals(Type.MAP, crontab.property("metadata").property("labels").type());
        TypeSchema workload = crontab.property("spec").property("workload");
        assertTrue(workload.propertyNames().containsAll(Set.of("apiVersion", "kind", "metadata")));
        assertEquals("uid", workload.property("metadata").property("ownerReferences").patchMergeKey());
    }

    @Test
    void unknownFieldsOfACustomResource() throws Exception {
        JsonNode resource = json("""
                {'apiVersion':'stable.example.com/v1','kind':'CronTab','metadata':{'name':'c','typo':1},
                 'spec':{'replicas':1,'x':1,'ports':[{'name':'http','protocol':'TCP'}],'settings':{'a':'b'},
                   'template':{'free':{'form':1}},'options':{'debug':true,'other':1},'closed':{'field':1},
                   'workload':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'w'},'spec':{}}},
                 'status':{'ready':true}}""");
        assertEquals(List.of("metadata.typo", "spec.x", "spec.ports[0].protocol", "spec.closed.field"),
                UnknownFields.find(crontab, resource));
    }

    @Test
    void aMissingSchemaAcceptsAnyField() throws Exception {
        TypeSchema any = SchemaRegistry.builtin().forCustomResource(null);
        assertEquals(List.of("metadata.bogus"),
                UnknownFields.find(any, json("{'metadata':{'bogus':1},'spec':{'anything':[1,2]},'data':1}")));
    }
}
