package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.kube4j.api.patch.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MergePatchTest {

    @Test
    void kubectlLabelAddsAndOverwritesLabels() {
        JsonNode pod = json("{'metadata':{'name':'p','labels':{'app':'web','version':'0.9'}}}");

        JsonNode patched = MergePatch.apply(pod, json("{'metadata':{'labels':{'version':'1.0'}}}"));

        assertEquals(json("{'metadata':{'name':'p','labels':{'app':'web','version':'1.0'}}}"), patched);
    }

    @Test
    void kubectlLabelRemovalSendsNull() {
        JsonNode pod = json("{'metadata':{'name':'p','labels':{'app':'web','version':'1.0'}}}");

        JsonNode patched = MergePatch.apply(pod, json("{'metadata':{'labels':{'version':null}}}"));

        assertEquals(json("{'metadata':{'name':'p','labels':{'app':'web'}}}"), patched);
    }

    @Test
    void scaleSetsReplicas() {
        JsonNode scale = json("{'spec':{'replicas':1},'status':{'replicas':1}}");

        assertEquals(json("{'spec':{'replicas':5},'status':{'replicas':1}}"),
                MergePatch.apply(scale, json("{'spec':{'replicas':5}}")));
    }

    @Test
    void arraysAreReplacedWhole() {
        JsonNode target = json("{'a':[{'name':'x','v':1},{'name':'y'}]}");

        assertEquals(json("{'a':[{'name':'x'}]}"), MergePatch.apply(target, json("{'a':[{'name':'x'}]}")));
    }

    @Test
    void nullsInsideAddedObjectsAreDropped() {
        assertEquals(json("{'a':{'b':{'c':1}}}"), MergePatch.apply(json("{}"), json("{'a':{'b':{'c':1,'d':null}}}")));
    }

    @Test
    void nonObjectPatchReplacesTheTarget() {
        assertEquals(json("[1,2]"), MergePatch.apply(json("{'a':1}"), json("[1,2]")));
        assertEquals(json("{'a':1}"), MergePatch.apply(json("'text'"), json("{'a':1}")));
    }

    @Test
    void rfc7386Example() {
        JsonNode target = json("{'title':'Goodbye!','author':{'givenName':'John','familyName':'Doe'},"
                + "'tags':['example','sample'],'content':'This will be unchanged'}");
        JsonNode patch = json("{'title':'Hello!','phoneNumber':'+01-123-456-7890','author':{'familyName':null},"
                + "'tags':['example']}");

        assertEquals(json("{'title':'Hello!','author':{'givenName':'John'},'tags':['example'],"
                + "'content':'This will be unchanged','phoneNumber':'+01-123-456-7890'}"),
                MergePatch.apply(target, patch));
    }

    @Test
    void inputsAreNotModified() {
        JsonNode target = json("{'metadata':{'labels':{'a':'1'}}}");
        JsonNode patch = json("{'metadata':{'labels':{'a':null,'b':{'c':null}}}}");

        MergePatch.apply(target, patch);

        assertEquals(json("{'metadata':{'labels':{'a':'1'}}}"), target);
        assertEquals(json("{'metadata':{'labels':{'a':null,'b':{'c':null}}}}"), patch);
    }
}
