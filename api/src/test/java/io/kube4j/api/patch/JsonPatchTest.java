package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.kube4j.api.patch.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPatchTest {

    private static final JsonNode DOC = json("{'metadata':{'name':'d','labels':{'app':'web'}},"
            + "'spec':{'list':['a','b','c'],'replicas':2}}");

    @Test
    void rolloutUndoReplacesTemplateAndAnnotations() {
        JsonNode deployment = json("{'metadata':{'name':'web','annotations':{'deployment.kubernetes.io/revision':'2'}},"
                + "'spec':{'replicas':1,'template':{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'c','image':'nginx:v2'}]}}}}");
        JsonNode patch = json("[{'op':'replace','path':'/spec/template','value':{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'c','image':'nginx:v1'}]}}},"
                + "{'op':'replace','path':'/metadata/annotations','value':{'deployment.kubernetes.io/revision':'1'}}]");

        JsonNode patched = JsonPatch.apply(deployment, patch);

        assertEquals(json("{'metadata':{'name':'web','annotations':{'deployment.kubernetes.io/revision':'1'}},"
                + "'spec':{'replicas':1,'template':{'metadata':{'labels':{'app':'web'}},"
                + "'spec':{'containers':[{'name':'c','image':'nginx:v1'}]}}}}"), patched);
    }

    @Test
    void addSetsMembersAndInsertsIntoArrays() {
        JsonNode patched = JsonPatch.apply(DOC, json("[{'op':'add','path':'/metadata/labels/tier','value':'fe'},"
                + "{'op':'add','path':'/spec/list/1','value':'x'},{'op':'add','path':'/spec/list/-','value':'z'}]"));

        assertEquals(json("{'app':'web','tier':'fe'}"), patched.at("/metadata/labels"));
        assertEquals(json("['a','x','b','c','z']"), patched.at("/spec/list"));
    }

    @Test
    void escapedTokensNameKeysWithSlashesAndTildes() {
        JsonNode target = json("{'metadata':{'annotations':{'a/b':'1','c~d':'2'}}}");

        JsonNode patched = JsonPatch.apply(target, json("[{'op':'replace','path':'/metadata/annotations/a~1b','value':'x'},"
                + "{'op':'remove','path':'/metadata/annotations/c~0d'}]"));

        assertEquals(json("{'metadata':{'annotations':{'a/b':'x'}}}"), patched);
    }

    @Test
    void removeDeletesMembersAndElements() {
        JsonNode patched = JsonPatch.apply(DOC, json("[{'op':'remove','path':'/metadata/labels/app'},"
                + "{'op':'remove','path':'/spec/list/0'}]"));

        assertEquals(json("{}"), patched.at("/metadata/labels"));
        assertEquals(json("['b','c']"), patched.at("/spec/list"));
    }

    @Test
    void replaceOfAMissingMemberAddsItAsTheApiserverDoes() {
        JsonNode patched = JsonPatch.apply(json("{'metadata':{}}"),
                json("[{'op':'replace','path':'/metadata/annotations','value':{'a':'b'}}]"));

        assertEquals(json("{'metadata':{'annotations':{'a':'b'}}}"), patched);
    }

    @Test
    void moveAndCopy() {
        JsonNode patched = JsonPatch.apply(DOC, json("[{'op':'move','from':'/spec/replicas','path':'/spec/count'},"
                + "{'op':'copy','from':'/metadata/labels','path':'/spec/selector'}]"));

        assertEquals(json("{'list':['a','b','c'],'count':2,'selector':{'app':'web'}}"), patched.get("spec"));
    }

    @Test
    void passingTestLetsTheRestApply() {
        JsonNode patched = JsonPatch.apply(DOC, json("[{'op':'test','path':'/spec/replicas','value':2.0},"
                + "{'op':'replace','path':'/spec/replicas','value':3}]"));

        assertEquals(3, patched.at("/spec/replicas").asInt());
    }

    @Test
    void failedTestIsUnprocessable() {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                json("[{'op':'test','path':'/spec/replicas','value':3}]")));

        assertEquals(422, e.httpStatus());
        assertEquals("testing value /spec/replicas failed: test failed", e.getMessage());
    }

    @Test
    void missingPathsFailWithTheLibraryWording() {
        assertEquals("add operation does not apply: doc is missing path: \"/nope/x\": missing value",
                assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                        json("[{'op':'add','path':'/nope/x','value':1}]"))).getMessage());
        assertEquals("error in remove for path: '/metadata/labels/x': Unable to remove nonexistent key: x: missing value",
                assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                        json("[{'op':'remove','path':'/metadata/labels/x'}]"))).getMessage());
        assertEquals("error in remove for path: '/spec/list/3': Unable to access invalid index: 3: invalid index referenced",
                assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                        json("[{'op':'remove','path':'/spec/list/3'}]"))).getMessage());
        assertEquals("replace operation does not apply: doc is missing key: /spec/list/5: missing value",
                assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                        json("[{'op':'replace','path':'/spec/list/5','value':1}]"))).getMessage());
        assertEquals("move operation does not apply: doc is missing from path: /x/y: missing value",
                assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                        json("[{'op':'move','from':'/x/y','path':'/z'}]"))).getMessage());
    }

    @Test
    void addBeyondTheEndOfAnArrayFails() {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                json("[{'op':'add','path':'/spec/list/4','value':'x'}]")));

        assertEquals("error in add for path: '/spec/list/4': Unable to access invalid index: 4: invalid index referenced",
                e.getMessage());
    }

    @Test
    void operationWithoutPathIsRejected() {
        assertEquals("add operation failed to decode path: missing value", assertThrows(PatchException.class,
                () -> JsonPatch.apply(DOC, json("[{'op':'add','value':1}]"))).getMessage());
    }

    @Test
    void unknownOperationIsRejected() {
        assertEquals("Unexpected kind: frobnicate", assertThrows(PatchException.class, () -> JsonPatch.apply(DOC,
                json("[{'op':'frobnicate','path':'/a'}]"))).getMessage());
    }

    @Test
    void patchThatIsNotAnArrayIsABadRequest() {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(DOC, json("{'op':'add'}")));

        assertEquals(400, e.httpStatus());
        assertEquals("json: cannot unmarshal object into Go value of type jsonpatch.Patch", e.getMessage());
    }

    @Test
    void aFailingOperationLeavesTheTargetUntouched() {
        JsonNode target = DOC.deepCopy();

        assertThrows(PatchException.class, () -> JsonPatch.apply(target,
                json("[{'op':'remove','path':'/spec/list/0'},{'op':'test','path':'/spec/replicas','value':9}]")));

        assertEquals(DOC, target);
    }

    @Test
    void rootPointerReplacesTheDocument() {
        assertEquals(json("{'b':1}"), JsonPatch.apply(DOC, json("[{'op':'replace','path':'','value':{'b':1}}]")));
    }
}
