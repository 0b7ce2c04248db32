package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.patch.FakeSchema;
import io.kube4j.api.schema.TypeSchema;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.kube4j.api.patch.Json.json;
import static io.kube4j.api.patch.Json.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerSideApplyTest {

    private static final TypeSchema DEPLOYMENT = FakeSchema.deployment();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00.5Z"), ZoneOffset.UTC);
    private static final ServerSideApply SSA = new ServerSideApply(DEPLOYMENT, CLOCK);
    private static final ManagedFields MANAGED = new ManagedFields(DEPLOYMENT, CLOCK);

    private static ObjectNode deployment(int replicas, String image, String labels) {
        return object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':" + labels + "},"
                + "'spec':{'replicas':" + replicas + ",'template':{'spec':{'containers':[{'name':'c','image':'" + image
                + "'}]}}}}");
    }

    private static JsonNode managedFields(JsonNode object) {
        return object.at("/metadata/managedFields");
    }

    private static JsonNode fieldsOf(JsonNode object, String manager) {
        for (JsonNode entry : managedFields(object)) {
            if (entry.get("manager").asText().equals(manager)) {
                return entry.get("fieldsV1");
            }
        }
        return null;
    }

    @Test
    void applyCreatesTheObjectAndRecordsTheAppliersFields() {
        ObjectNode created = SSA.apply(null, deployment(2, "nginx:1", "{'app':'web'}"), "kubectl", false);

        assertEquals(2, created.at("/spec/replicas").asInt());
        assertEquals(json("[{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1','time':'2025-01-01T00:00:00Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:replicas':{},"
                + "'f:template':{'f:spec':{'f:containers':{'k:{\"name\":\"c\"}':{'.':{},'f:image':{},'f:name':{}}}}}}}}]"),
                managedFields(created));
    }

    @Test
    void reapplyRemovesWhatTheApplierNoLongerSets() {
        ObjectNode live = SSA.apply(null, deployment(2, "nginx:1", "{'app':'web','tier':'fe'}"), "kubectl", false);
        ObjectNode config = deployment(2, "nginx:1", "{'app':'web'}");
        ((ObjectNode) config.at("/spec/template/spec")).putArray("containers")
                .add(object("{'name':'d','image':'busybox'}"));

        ObjectNode reapplied = SSA.apply(live, config, "kubectl", false);

        assertEquals(json("{'app':'web'}"), reapplied.at("/metadata/labels"));
        assertEquals(json("[{'name':'d','image':'busybox'}]"), reapplied.at("/spec/template/spec/containers"));
        assertEquals(1, managedFields(reapplied).size());
    }

    @Test
    void changingAFieldAnUpdaterOwnsIsAConflict() {
        ObjectNode created = MANAGED.recordUpdate(null, deployment(1, "nginx:1", "{'app':'web'}"),
                "kubectl-client-side-apply", "Update");

        ApplyConflictException e = assertThrows(ApplyConflictException.class,
                () -> SSA.apply(created, deployment(3, "nginx:1", "{'app':'web'}"), "kubectl", false));

        assertEquals(List.of(new ApplyConflictException.Conflict("\"kubectl-client-side-apply\" using apps/v1",
                ".spec.replicas")), e.conflicts());
        assertEquals("conflict with \"kubectl-client-side-apply\" using apps/v1", e.conflicts().get(0).message());
        assertEquals("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: "
                + ".spec.replicas", e.getMessage());
        assertEquals(409, e.httpStatus());
    }

    @Test
    void applyingTheSameValueSharesOwnership() {
        ObjectNode created = MANAGED.recordUpdate(null, deployment(1, "nginx:1", "{'app':'web'}"), "creator", "Update");

        ObjectNode applied = SSA.apply(created, deployment(1, "nginx:1", "{'app':'web'}"), "kubectl", false);

        assertTrue(fieldsOf(applied, "creator").at("/f:spec").has("f:replicas"));
        assertTrue(fieldsOf(applied, "kubectl").at("/f:spec").has("f:replicas"));
    }

    @Test
    void forceTakesOwnershipFromTheOtherManager() {
        ObjectNode created = MANAGED.recordUpdate(null, deployment(1, "nginx:1", "{'app':'web'}"), "creator", "Update");

        ObjectNode applied = SSA.apply(created, deployment(3, "nginx:1", "{'app':'web'}"), "kubectl", true);

        assertEquals(3, applied.at("/spec/replicas").asInt());
        assertFalse(fieldsOf(applied, "creator").at("/f:spec").has("f:replicas"));
        assertTrue(fieldsOf(applied, "kubectl").at("/f:spec").has("f:replicas"));
    }

    @Test
    void fieldsAnotherManagerStillOwnsAreNotPruned() {
        ObjectNode live = SSA.apply(null, deployment(1, "nginx:1", "{'app':'web','tier':'fe'}"), "kubectl", false);
        live = SSA.apply(live, object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                + "'labels':{'tier':'fe'}}}"), "other", false);

        ObjectNode reapplied = SSA.apply(live, deployment(1, "nginx:1", "{'app':'web'}"), "kubectl", false);

        assertEquals(json("{'app':'web','tier':'fe'}"), reapplied.at("/metadata/labels"));
    }

    @Test
    void setImageAfterApplyMakesTheNextApplyConflict() {
        ObjectNode live = SSA.apply(null, deployment(1, "nginx:1", "{'app':'web'}"), "kubectl", false);
        ObjectNode afterSet = deployment(1, "nginx:2", "{'app':'web'}");
        afterSet.set("metadata", live.get("metadata").deepCopy());
        afterSet = MANAGED.recordUpdate(live, afterSet, "kubectl-set", "Update");

        assertTrue(fieldsOf(afterSet, "kubectl-set").toString().contains("f:image"));
        assertFalse(fieldsOf(afterSet, "kubectl").toString().contains("f:image"));
        ObjectNode current = afterSet;
        ApplyConflictException e = assertThrows(ApplyConflictException.class,
                () -> SSA.apply(current, deployment(1, "nginx:1", "{'app':'web'}"), "kubectl", false));
        assertEquals(".spec.template.spec.containers[name=\"c\"].image", e.conflicts().get(0).field());
    }

    @Test
    void untrackedObjectsAreOwnedByBeforeFirstApply() {
        ObjectNode untracked = deployment(1, "nginx:1", "{'app':'web'}");

        ApplyConflictException e = assertThrows(ApplyConflictException.class,
                () -> SSA.apply(untracked, deployment(2, "nginx:1", "{'app':'web'}"), "kubectl", false));

        assertEquals("\"before-first-apply\" using apps/v1", e.conflicts().get(0).manager());
    }

    @Test
    void severalConflictsAreGroupedByManager() {
        ObjectNode created = MANAGED.recordUpdate(null, deployment(1, "nginx:1", "{'app':'web'}"), "creator", "Update");

        ApplyConflictException e = assertThrows(ApplyConflictException.class,
                () -> SSA.apply(created, deployment(2, "nginx:2", "{'app':'web'}"), "kubectl", false));

        assertEquals("Apply failed with 2 conflicts: conflicts with \"creator\" using apps/v1:\n"
                + "- .spec.replicas\n- .spec.template.spec.containers[name=\"c\"].image", e.getMessage());
    }

    @Test
    void setElementsAreOwnedOneByOne() {
        ObjectNode applied = SSA.apply(null, object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x',"
                + "'finalizers':['a/b']}}"), "kubectl", false);

        assertEquals(json("{'f:metadata':{'f:finalizers':{'v:\"a/b\"':{}}}}"), fieldsOf(applied, "kubectl"));
    }

    @Test
    void inputsAreNotModified() {
        ObjectNode live = SSA.apply(null, deployment(1, "nginx:1", "{'app':'web'}"), "kubectl", false);
        ObjectNode config = deployment(2, "nginx:2", "{}");
        JsonNode liveCopy = live.deepCopy();
        JsonNode configCopy = config.deepCopy();

        SSA.apply(live, config, "kubectl", false);

        assertEquals(liveCopy, live);
        assertEquals(configCopy, config);
    }
}
