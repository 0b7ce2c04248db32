package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.patch.FakeSchema;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.kube4j.api.patch.Json.json;
import static io.kube4j.api.patch.Json.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ManagedFieldsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ManagedFields MANAGED = new ManagedFields(FakeSchema.pod(), CLOCK);

    private static final ObjectNode POD = object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p',"
            + "'labels':{'run':'p'}},'spec':{'containers':[{'name':'c','image':'nginx','ports':[{'containerPort':80}]}]}}");

    @Test
    void createRecordsEveryFieldForTheCreator() {
        ObjectNode created = MANAGED.recordUpdate(null, POD, "kubectl-run", "Update");

        assertEquals(json("[{'manager':'kubectl-run','operation':'Update','apiVersion':'v1','time':'2025-01-01T00:00:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:labels':{'.':{},'f:run':{}}},"
                + "'f:spec':{'f:containers':{'.':{},'k:{\"name\":\"c\"}':{'.':{},'f:image':{},'f:name':{},"
                + "'f:ports':{'.':{},'k:{\"containerPort\":80}':{'.':{},'f:containerPort':{}}}}}}}}]"),
                created.at("/metadata/managedFields"));
    }

    @Test
    void updatesMoveChangedFieldsAndDropRemovedOnes() {
        ObjectNode created = MANAGED.recordUpdate(null, POD, "creator", "Update");
        ObjectNode edited = created.deepCopy();
        ((ObjectNode) edited.at("/spec/containers/0")).put("image", "nginx:2");
        ((ObjectNode) edited.at("/metadata/labels")).remove("run");

        ObjectNode updated = MANAGED.recordUpdate(created, edited, "kubectl-edit", "Update");

        assertEquals("creator", updated.at("/metadata/managedFields/0/manager").asText());
        String creatorFields = updated.at("/metadata/managedFields/0/fieldsV1").toString();
        assertFalse(creatorFields.contains("f:image"));
        assertFalse(creatorFields.contains("f:run"));
        assertEquals(json("{'f:spec':{'f:containers':{'k:{\"name\":\"c\"}':{'f:image':{}}}}}"),
                updated.at("/metadata/managedFields/1/fieldsV1"));
    }

    @Test
    void existingObjectsWithoutManagedFieldsStayUntracked() {
        ObjectNode edited = POD.deepCopy();
        ((ObjectNode) edited.at("/metadata/labels")).put("x", "y");

        assertFalse(MANAGED.recordUpdate(POD, edited, "kubectl-label", "Update").at("/metadata").has("managedFields"));
    }

    @Test
    void writersMayResetManagedFields() {
        ObjectNode created = MANAGED.recordUpdate(null, POD, "creator", "Update");
        ObjectNode reset = created.deepCopy();
        ((ObjectNode) reset.get("metadata")).putArray("managedFields").addObject();

        assertFalse(MANAGED.recordUpdate(created, reset, "kubectl", "Update").at("/metadata").has("managedFields"));
    }
}
