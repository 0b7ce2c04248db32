package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changing objects: label, annotate, edit, patch (json/merge/strategic), scale, set image, taint, cordon. */
class MutateTest {
    private static Cluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start();
        kubectl = cluster.kubectl();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    /** Creates namespace {@code ns} with a two-container deployment "web" (3 replicas). */
    private static void deployment(String ns) {
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %s, labels: {app: web}}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - {name: nginx, image: "nginx:1.27"}
                      - {name: sidecar, image: "busybox:1.36"}
                """.formatted(ns), "create", "-f", "-").ok();
    }

    private static JsonNode web(String ns) {
        return kubectl.getJson("deployment", "web", "-n", ns);
    }

    private static JsonNode containers(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers");
    }

    @Test
    void labelAddOverwriteRemove() {
        kubectl.run("create", "namespace", "labels").ok();
        kubectl.run("run", "p", "--image=nginx", "--labels=app=web", "-n", "labels").ok();

        assertEquals("pod/p labeled\n", kubectl.run("label", "pod", "p", "version=1.0", "-n", "labels").ok().stdout());
        Kubectl.Result refused = kubectl.run("label", "pod", "p", "version=2.0", "-n", "labels").failed();
        assertTrue(refused.stderr().contains("'version' already has a value (1.0), and --overwrite is false"),
                refused.stderr());
        assertEquals("pod/p labeled\n", kubectl.run("label", "pod", "p", "version=2.0", "--overwrite", "-n", "labels")
                .ok().stdout());
        assertEquals("2.0", kubectl.run("get", "pod", "p", "-n", "labels", "-o",
                "jsonpath={.metadata.labels.version}").ok().stdout());

        assertEquals("pod/p unlabeled\n", kubectl.run("label", "pod", "p", "version-", "-n", "labels").ok().stdout());
        JsonNode labels = kubectl.getJson("pod", "p", "-n", "labels").path("metadata").path("labels");
        assertEquals(1, labels.size(), labels::toString);
        assertEquals("web", labels.path("app").asText());
    }

    @Test
    void annotate() {
        kubectl.run("create", "namespace", "annotations").ok();
        kubectl.run("create", "configmap", "c", "--from-literal=k=v", "-n", "annotations").ok();
        assertEquals("configmap/c annotated\n", kubectl.run("annotate", "configmap", "c", "owner=team-a",
                "description=the settings", "-n", "annotations").ok().stdout());
        JsonNode annotations = kubectl.getJson("configmap", "c", "-n", "annotations").path("metadata")
                .path("annotations");
        assertEquals("team-a", annotations.path("owner").asText());
        assertEquals("the settings", annotations.path("description").asText());

        assertEquals("configmap/c annotated\n", kubectl.run("annotate", "configmap", "c", "owner-",
                "-n", "annotations").ok().stdout());
        annotations = kubectl.getJson("configmap", "c", "-n", "annotations").path("metadata").path("annotations");
        assertFalse(annotations.has("owner"), annotations::toString);
    }

    @Test
    void editWithScriptedEditor() {
        deployment("edit");
        Kubectl.Result edited = kubectl.runWithInput(null,
                Map.of("EDITOR", "sed -i 's/replicas: 3/replicas: 4/'"), "edit", "deployment", "web", "-n", "edit").ok();
        assertEquals("deployment.apps/web edited\n", edited.stdout());
        JsonNode deployment = web("edit");
        assertEquals(4, deployment.path("spec").path("replicas").asInt());
        assertEquals(2, deployment.path("metadata").path("generation").asInt());

        Kubectl.Result unchanged = kubectl.runWithInput(null, Map.of("EDITOR", "true"), "edit", "deployment", "web",
                "-n", "edit").ok();
        assertTrue(unchanged.stderr().contains("Edit cancelled, no changes made."), unchanged.stderr());
    }

    @Test
    void jsonPatch() {
        deployment("json-patch");
        assertEquals("deployment.apps/web patched\n", kubectl.run("patch", "deployment", "web", "-n", "json-patch",
                "--type=json", "-p", """
                [{"op":"replace","path":"/spec/replicas","value":5},
                 {"op":"add","path":"/metadata/labels/tier","value":"front"},
                 {"op":"remove","path":"/spec/template/spec/containers/1"}]""").ok().stdout());
        JsonNode deployment = web("json-patch");
        assertEquals(5, deployment.path("spec").path("replicas").asInt());
        assertEquals("front", deployment.path("metadata").path("labels").path("tier").asText());
        assertEquals(1, containers(deployment).size());

        kubectl.run("patch", "deployment", "web", "-n", "json-patch", "--type=json", "-p",
                "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":9}]").failed();
        assertEquals(5, web("json-patch").path("spec").path("replicas").asInt());
    }

    @Test
    void mergePatchReplacesLists() {
        deployment("merge-patch");
        assertEquals("deployment.apps/web patched\n", kubectl.run("patch", "deployment", "web", "-n", "merge-patch",
                "--type=merge", "-p", """
                {"metadata":{"labels":{"tier":"front","app":null}},
                 "spec":{"template":{"spec":{"containers":[{"name":"only","image":"nginx:1.28"}]}}}}""")
                .ok().stdout());
        JsonNode deployment = web("merge-patch");
        assertEquals("front", deployment.path("metadata").path("labels").path("tier").asText());
        assertFalse(deployment.path("metadata").path("labels").has("app"), "null removes the key");
        assertEquals(1, containers(deployment).size(), "a merge patch replaces the whole list");
        assertEquals("only", containers(deployment).get(0).path("name").asText());
    }

    @Test
    void strategicPatchMergesContainersByName() {
        deployment("strategic-patch");
        assertEquals("deployment.apps/web patched\n", kubectl.run("patch", "deployment", "web", "-n",
                "strategic-patch", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox:1.37\"}]}}}}")
                .ok().stdout());
        JsonNode list = containers(web("strategic-patch"));
        assertEquals(2, list.size(), list::toString);
        assertEquals("nginx:1.27", list.get(0).path("image").asText());
        assertEquals("busybox:1.37", list.get(1).path("image").asText());

        kubectl.run("patch", "deployment", "web", "-n", "strategic-patch", "--type=strategic", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}")
                .ok();
        list = containers(web("strategic-patch"));
        assertEquals(1, list.size(), list::toString);
        assertEquals("nginx", list.get(0).path("name").asText());
    }

    @Test
    void scaleDeployment() {
        deployment("scale");
        assertEquals("deployment.apps/web scaled\n", kubectl.run("scale", "deployment", "web", "--replicas=7",
                "-n", "scale").ok().stdout());
        assertEquals(7, web("scale").path("spec").path("replicas").asInt());
        assertEquals("deployment.apps/web scaled\n", kubectl.run("scale", "deployments/web", "--replicas=1",
                "-n", "scale").ok().stdout());
        assertEquals(1, web("scale").path("spec").path("replicas").asInt());
    }

    @Test
    void setImage() {
        deployment("set-image");
        assertEquals("deployment.apps/web image updated\n", kubectl.run("set", "image", "deployment/web",
                "nginx=nginx:1.28", "-n", "set-image").ok().stdout());
        JsonNode deployment = web("set-image");
        assertEquals("nginx:1.28", containers(deployment).get(0).path("image").asText());
        assertEquals("busybox:1.36", containers(deployment).get(1).path("image").asText());
        assertEquals(2, deployment.path("metadata").path("generation").asInt());
    }

    @Test
    void taintAddAndRemove() {
        createNode("taint-node");
        assertEquals("node/taint-node tainted\n", kubectl.run("taint", "node", "taint-node",
                "dedicated=gpu:NoSchedule").ok().stdout());
        assertEquals("node/taint-node tainted\n", kubectl.run("taint", "node", "taint-node",
                "maintenance:NoExecute").ok().stdout());
        JsonNode taints = kubectl.getJson("node", "taint-node").path("spec").path("taints");
        assertEquals(2, taints.size(), taints::toString);
        JsonNode dedicated = taintWithKey(taints, "dedicated");
        assertEquals("gpu", dedicated.path("value").asText());
        assertEquals("NoSchedule", dedicated.path("effect").asText());
        assertEquals("NoExecute", taintWithKey(taints, "maintenance").path("effect").asText());

        assertEquals("node/taint-node untainted\n", kubectl.run("taint", "node", "taint-node",
                "dedicated=gpu:NoSchedule-").ok().stdout());
        taints = kubectl.getJson("node", "taint-node").path("spec").path("taints");
        assertEquals(1, taints.size(), taints::toString);
        assertEquals("maintenance", taints.get(0).path("key").asText());

        assertEquals("node/taint-node untainted\n", kubectl.run("taint", "node", "taint-node", "maintenance-")
                .ok().stdout());
        taints = kubectl.getJson("node", "taint-node").path("spec").path("taints");
        assertEquals(0, taints.size(), taints::toString);
    }

    @Test
    void cordonAndUncordon() {
        createNode("cordon-node");
        assertEquals("node/cordon-node cordoned\n", kubectl.run("cordon", "cordon-node").ok().stdout());
        assertTrue(kubectl.getJson("node", "cordon-node").path("spec").path("unschedulable").asBoolean());
        String row = kubectl.run("get", "node", "cordon-node").ok().stdout().split("\n")[1];
        assertTrue(row.matches("cordon-node\\s+\\S*SchedulingDisabled\\s+.*"), row);

        assertEquals("node/cordon-node uncordoned\n", kubectl.run("uncordon", "cordon-node").ok().stdout());
        assertFalse(kubectl.getJson("node", "cordon-node").path("spec").path("unschedulable").asBoolean());
        row = kubectl.run("get", "node", "cordon-node").ok().stdout().split("\n")[1];
        assertFalse(row.contains("SchedulingDisabled"), row);
    }

    private static JsonNode taintWithKey(JsonNode taints, String key) {
        for (JsonNode taint : taints) {
            if (taint.path("key").asText().equals(key)) {
                return taint;
            }
        }
        throw new AssertionError("no taint " + key + " in " + taints);
    }

    private static void createNode(String name) {
        assertEquals("node/" + name + " created\n", kubectl.runWithInput("""
                apiVersion: v1
                kind: Node
                metadata:
                  name: %s
                  labels: {kubernetes.io/hostname: %s}
                """.formatted(name, name), "create", "-f", "-").ok().stdout());
        assertEquals(List.of(name), List.of(kubectl.run("get", "node", name, "-o", "jsonpath={.metadata.name}")
                .ok().stdout()));
    }
}
