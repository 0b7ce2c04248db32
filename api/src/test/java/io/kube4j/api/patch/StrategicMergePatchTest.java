package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.schema.TypeSchema;
import org.junit.jupiter.api.Test;

import static io.kube4j.api.patch.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrategicMergePatchTest {

    private static final TypeSchema POD = FakeSchema.pod();
    private static final TypeSchema DEPLOYMENT = FakeSchema.deployment();

    private static JsonNode podWith(String spec) {
        return json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':" + spec + "}");
    }

    private static JsonNode patchPod(String spec, String patch) {
        return StrategicMergePatch.apply(podWith(spec), json(patch), POD).get("spec");
    }

    @Test
    void kubectlSetImageChangesOnlyTheImage() {
        JsonNode deployment = json("{'spec':{'replicas':2,'template':{'spec':{'containers':["
                + "{'name':'c','image':'nginx:v1','ports':[{'containerPort':80}]}]}}}}");
        JsonNode patch = json("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'c'}],"
                + "'containers':[{'image':'nginx:v2','name':'c'}]}}}}");

        JsonNode patched = StrategicMergePatch.apply(deployment, patch, DEPLOYMENT);

        assertEquals(json("{'spec':{'replicas':2,'template':{'spec':{'containers':["
                + "{'name':'c','image':'nginx:v2','ports':[{'containerPort':80}]}]}}}}"), patched);
    }

    @Test
    void setImageOfOneOfTwoContainersKeepsTheirOrder() {
        JsonNode spec = patchPod("{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}",
                "{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],"
                        + "'containers':[{'image':'b:2','name':'b'}]}}");

        assertEquals(json("[{'name':'a','image':'a:1'},{'name':'b','image':'b:2'}]"), spec.get("containers"));
    }

    @Test
    void nodeTaintsHaveNoStrategySoTheFullListReplacesIt() {
        JsonNode node = json("{'spec':{'taints':[{'key':'a','effect':'NoSchedule'},{'key':'b','effect':'NoSchedule'}]}}");

        JsonNode removedOne = StrategicMergePatch.apply(node,
                json("{'spec':{'taints':[{'effect':'NoSchedule','key':'a'}]}}"), FakeSchema.node());
        JsonNode removedAll = StrategicMergePatch.apply(node, json("{'spec':{'taints':null}}"), FakeSchema.node());

        assertEquals(json("[{'key':'a','effect':'NoSchedule'}]"), removedOne.at("/spec/taints"));
        assertEquals(json("{}"), removedAll.get("spec"));
    }

    @Test
    void rolloutPauseAndResume() {
        JsonNode deployment = json("{'spec':{'replicas':1}}");

        JsonNode paused = StrategicMergePatch.apply(deployment, json("{'spec':{'paused':true}}"), DEPLOYMENT);
        JsonNode resumed = StrategicMergePatch.apply(paused, json("{'spec':{'paused':null}}"), DEPLOYMENT);

        assertEquals(json("{'spec':{'replicas':1,'paused':true}}"), paused);
        assertEquals(json("{'spec':{'replicas':1}}"), resumed);
    }

    @Test
    void rolloutRestartAddsAnAnnotationToTheTemplate() {
        JsonNode deployment = json("{'spec':{'template':{'metadata':{'labels':{'app':'web'}}}}}");

        JsonNode patched = StrategicMergePatch.apply(deployment, json("{'spec':{'template':{'metadata':{'annotations':"
                + "{'kubectl.kubernetes.io/restartedAt':'2025-01-01T00:00:00Z'}}}}}"), DEPLOYMENT);

        assertEquals(json("{'labels':{'app':'web'},'annotations':{'kubectl.kubernetes.io/restartedAt':"
                + "'2025-01-01T00:00:00Z'}}"), patched.at("/spec/template/metadata"));
    }

    @Test
    void nestedListsMergeByTheirOwnKeys() {
        JsonNode spec = patchPod("{'containers':[{'name':'c','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],"
                        + "'ports':[{'containerPort':80,'name':'http'}],'volumeMounts':[{'mountPath':'/data','name':'d'}]}]}",
                "{'spec':{'containers':[{'name':'c','env':[{'name':'B','value':'3'}],"
                        + "'ports':[{'containerPort':80,'protocol':'TCP'}],"
                        + "'volumeMounts':[{'mountPath':'/data','readOnly':true}]}]}}");

        JsonNode container = spec.at("/containers/0");
        assertEquals(json("[{'name':'A','value':'1'},{'name':'B','value':'3'}]"), container.get("env"));
        assertEquals(json("[{'containerPort':80,'name':'http','protocol':'TCP'}]"), container.get("ports"));
        assertEquals(json("[{'mountPath':'/data','name':'d','readOnly':true}]"), container.get("volumeMounts"));
    }

    @Test
    void nullRemovesAFieldOfAMergedElement() {
        JsonNode spec = patchPod("{'containers':[{'name':'c','image':'x','args':['a']}]}",
                "{'spec':{'containers':[{'name':'c','args':null}]}}");

        assertEquals(json("[{'name':'c','image':'x'}]"), spec.get("containers"));
    }

    @Test
    void listsWithoutStrategyAreReplaced() {
        JsonNode spec = patchPod("{'containers':[{'name':'c','args':['a','b']}]}",
                "{'spec':{'containers':[{'name':'c','args':['z']}]}}");

        assertEquals(json("['z']"), spec.at("/containers/0/args"));
    }

    @Test
    void newElementWithoutAnOrderGoesFirstAsUpstream() {
        JsonNode spec = patchPod("{'containers':[{'name':'a'},{'name':'b'}]}",
                "{'spec':{'containers':[{'name':'n','image':'i'}]}}");

        assertEquals(json("[{'name':'n','image':'i'},{'name':'a'},{'name':'b'}]"), spec.get("containers"));
    }

    @Test
    void patchOrderWinsOverLiveOrderForNamedElements() {
        JsonNode spec = patchPod("{'containers':[{'name':'1'},{'name':'2','image':'b'},{'name':'3'}]}",
                "{'spec':{'containers':[{'name':'3','image':'c'},{'name':'1','image':'a'}]}}");

        assertEquals(json("[{'name':'2','image':'b'},{'name':'3','image':'c'},{'name':'1','image':'a'}]"),
                spec.get("containers"));
    }

    @Test
    void setElementOrderPlacesServerOnlyElementsAtTheirLivePlace() {
        JsonNode spec = patchPod("{'containers':[{'name':'1','x':'a'},{'name':'2'},{'name':'9'},{'name':'3'},{'name':'4'}]}",
                "{'spec':{'$setElementOrder/containers':[{'name':'2'},{'name':'1'},{'name':'4'},{'name':'3'}]}}");

        assertEquals(json("[{'name':'2'},{'name':'1','x':'a'},{'name':'9'},{'name':'4'},{'name':'3'}]"),
                spec.get("containers"));
    }

    @Test
    void setElementOrderWithNewElements() {
        JsonNode spec = patchPod("{'containers':[{'name':'1','x':'a'},{'name':'2','x':'b'}]}",
                "{'spec':{'$setElementOrder/containers':[{'name':'1'},{'name':'4'},{'name':'2'},{'name':'3'}],"
                        + "'containers':[{'name':'4','v':4},{'name':'3','v':3}]}}");

        assertEquals(json("[{'name':'1','x':'a'},{'name':'4','v':4},{'name':'2','x':'b'},{'name':'3','v':3}]"),
                spec.get("containers"));
    }

    @Test
    void deleteDirectiveRemovesAnElement() {
        JsonNode spec = patchPod("{'containers':[{'name':'a'},{'name':'b'}]}",
                "{'spec':{'$setElementOrder/containers':[{'name':'b'}],'containers':[{'$patch':'delete','name':'a'}]}}");

        assertEquals(json("[{'name':'b'}]"), spec.get("containers"));
    }

    @Test
    void replaceDirectiveInAListReplacesTheList() {
        JsonNode spec = patchPod("{'containers':[{'name':'a','image':'x'},{'name':'b'}]}",
                "{'spec':{'containers':[{'name':'c'},{'$patch':'replace'}]}}");

        assertEquals(json("[{'name':'c'}]"), spec.get("containers"));
    }

    @Test
    void replaceDirectiveInAnObjectReplacesTheObject() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'labels':{'a':'1','b':'2'}}}"),
                json("{'metadata':{'labels':{'$patch':'replace','c':'3'}}}"), POD);

        assertEquals(json("{'metadata':{'labels':{'c':'3'}}}"), patched);
    }

    @Test
    void deleteDirectiveInAnObjectEmptiesIt() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'labels':{'a':'1'}}}"),
                json("{'metadata':{'labels':{'$patch':'delete'}}}"), POD);

        assertEquals(json("{'metadata':{'labels':{}}}"), patched);
    }

    @Test
    void primitiveListsWithMergeStrategyAreUnioned() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'finalizers':['1','2']}}"),
                json("{'metadata':{'finalizers':['2','3']}}"), POD);

        assertEquals(json("['1','2','3']"), patched.at("/metadata/finalizers"));
    }

    @Test
    void deleteFromPrimitiveListWithElementOrder() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'finalizers':['a','b','c']}}"),
                json("{'metadata':{'$setElementOrder/finalizers':['c','a'],'$deleteFromPrimitiveList/finalizers':['b']}}"),
                POD);

        assertEquals(json("['c','a']"), patched.at("/metadata/finalizers"));
    }

    @Test
    void deleteFromAnAbsentPrimitiveListAddsNothing() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'name':'x'}}"),
                json("{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}"), POD);

        assertEquals(json("{'metadata':{'name':'x'}}"), patched);
    }

    @Test
    void retainKeysClearsTheOtherVolumeSources() {
        JsonNode spec = patchPod("{'volumes':[{'name':'v','emptyDir':{}},{'name':'w','emptyDir':{}}]}",
                "{'spec':{'$setElementOrder/volumes':[{'name':'v'},{'name':'w'}],"
                        + "'volumes':[{'$retainKeys':['hostPath','name'],'hostPath':{'path':'/x'},'name':'v'}]}}");

        assertEquals(json("[{'name':'v','hostPath':{'path':'/x'}},{'name':'w','emptyDir':{}}]"), spec.get("volumes"));
    }

    @Test
    void retainKeysMustListEveryPatchedKey() {
        PatchException e = assertThrows(PatchException.class, () -> patchPod("{'volumes':[{'name':'v'}]}",
                "{'spec':{'volumes':[{'$retainKeys':['name'],'hostPath':{'path':'/x'},'name':'v'}]}}"));

        assertEquals(400, e.httpStatus());
        assertEquals("invalid patch format of retainKeys", e.getMessage());
    }

    @Test
    void serviceSpecPortsMergeByPort() {
        JsonNode service = json("{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443}]}}");

        JsonNode patched = StrategicMergePatch.apply(service,
                json("{'spec':{'ports':[{'port':443,'name':'https'}]}}"), FakeSchema.service());

        assertEquals(json("[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443,'name':'https'}]"),
                patched.at("/spec/ports"));
    }

    @Test
    void directivesInValuesTheTargetLacksNeverReachTheResult() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'name':'d'}}"),
                json("{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'c'}],"
                        + "'containers':[{'name':'c','$setElementOrder/env':[{'name':'A'}],'env':[{'name':'A','value':null}]},"
                        + "{'name':'gone','$patch':'delete'}]}}}}"), DEPLOYMENT);

        assertEquals(json("{'metadata':{'name':'d'},'spec':{'template':{'spec':{'containers':"
                + "[{'name':'c','env':[{'name':'A'}]}]}}}}"), patched);
        assertFalse(patched.toString().contains("$"));
    }

    @Test
    void withoutSchemaItBehavesLikeAMergePatch() {
        JsonNode custom = json("{'spec':{'items':[{'name':'a'},{'name':'b'}],'keep':1,'drop':2}}");

        JsonNode patched = StrategicMergePatch.apply(custom,
                json("{'spec':{'items':[{'name':'c'}],'drop':null,'add':{'x':1}}}"), null);

        assertEquals(json("{'spec':{'items':[{'name':'c'}],'keep':1,'add':{'x':1}}}"), patched);
    }

    @Test
    void elementWithoutItsMergeKeyIsUnprocessable() {
        PatchException e = assertThrows(PatchException.class, () -> patchPod("{'containers':[{'name':'a'}]}",
                "{'spec':{'containers':[{'image':'x'}]}}"));

        assertEquals(422, e.httpStatus());
        assertEquals("map: map[image:x] does not contain declared merge key: name", e.getMessage());
    }

    @Test
    void patchListOutOfElementOrderIsRejected() {
        PatchException e = assertThrows(PatchException.class, () -> patchPod("{'containers':[{'name':'a'},{'name':'b'}]}",
                "{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],"
                        + "'containers':[{'name':'b'},{'name':'a'}]}}"));

        assertEquals(422, e.httpStatus());
    }

    @Test
    void unknownAndUnsupportedDirectivesAreRejected() {
        assertEquals("unknown patch type: frob in map: map[$patch:frob]", assertThrows(PatchException.class,
                () -> patchPod("{}", "{'spec':{'$patch':'frob'}}")).getMessage());
        assertEquals("merging lists cannot yet be specified in the patch", assertThrows(PatchException.class,
                () -> patchPod("{'containers':[{'name':'a'}]}", "{'spec':{'containers':[{'$patch':'merge'}]}}")).getMessage());
    }

    @Test
    void mergeDirectiveInAnObjectIsTheDefaultMerge() {
        JsonNode patched = StrategicMergePatch.apply(json("{'metadata':{'labels':{'a':'1'}}}"),
                json("{'metadata':{'labels':{'$patch':'merge','b':'2'}}}"), POD);

        assertEquals(json("{'a':'1','b':'2'}"), patched.at("/metadata/labels"));
    }

    @Test
    void patchThatIsNotAnObjectIsABadRequest() {
        assertEquals(400, assertThrows(PatchException.class,
                () -> StrategicMergePatch.apply(json("{}"), json("[1]"), POD)).httpStatus());
    }

    @Test
    void inputsAreNotModified() {
        JsonNode target = podWith("{'containers':[{'name':'a','image':'1'}],'volumes':[{'name':'v','emptyDir':{}}]}");
        JsonNode patch = json("{'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{'name':'a','image':'2'}],"
                + "'volumes':[{'$retainKeys':['name'],'name':'v'}]}}");
        JsonNode targetCopy = target.deepCopy();
        JsonNode patchCopy = patch.deepCopy();

        StrategicMergePatch.apply(target, patch, POD);

        assertEquals(targetCopy, target);
        assertEquals(patchCopy, patch);
    }
}
