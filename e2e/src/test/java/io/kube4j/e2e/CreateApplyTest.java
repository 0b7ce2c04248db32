package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating objects: create -f, apply (client- and server-side), the create generators, run, expose. */
class CreateApplyTest {
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

    @Test
    void createMultiDocumentFileCreatesNamespaceThenPod() {
        String manifest = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: multidoc
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web1
                  namespace: multidoc
                  labels:
                    app: web
                spec:
                  containers:
                  - name: c
                    image: nginx
                """;
        Kubectl.Result created = kubectl.runWithInput(manifest, "create", "-f", "-").ok();
        assertEquals("namespace/multidoc created\npod/web1 created\n", created.stdout());

        JsonNode pod = kubectl.getJson("pod", "web1", "-n", "multidoc");
        assertEquals("web", pod.path("metadata").path("labels").path("app").asText());
        assertEquals("nginx", pod.path("spec").path("containers").get(0).path("image").asText());
        assertFalse(pod.path("metadata").path("uid").asText().isEmpty(), "uid is set");
        assertFalse(pod.path("metadata").path("resourceVersion").asText().isEmpty(), "resourceVersion is set");
        assertFalse(pod.path("metadata").path("creationTimestamp").isNull(), "creationTimestamp is set");

        Kubectl.Result again = kubectl.runWithInput(manifest, "create", "-f", "-").failed();
        assertTrue(again.stderr().contains("Error from server (AlreadyExists): error when creating \"STDIN\": "
                + "namespaces \"multidoc\" already exists"), again.stderr());
        assertTrue(again.stderr().contains("pods \"web1\" already exists"), again.stderr());
    }

    @Test
    void createFillsPodDefaults() {
        kubectl.run("create", "namespace", "defaults").ok();
        kubectl.runWithInput("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: defaults}
                spec:
                  containers: [{name: c, image: nginx}]
                """, "create", "-f", "-").ok();
        JsonNode pod = kubectl.getJson("pod", "p", "-n", "defaults");
        JsonNode spec = pod.path("spec");
        assertEquals("Always", spec.path("restartPolicy").asText(), pod::toString);
        assertEquals("ClusterFirst", spec.path("dnsPolicy").asText(), pod::toString);
        assertEquals(30, spec.path("terminationGracePeriodSeconds").asInt(), pod::toString);
        assertEquals("default-scheduler", spec.path("schedulerName").asText(), pod::toString);
        assertEquals("Always", spec.path("containers").get(0).path("imagePullPolicy").asText(), pod::toString);
        assertEquals("Pending", pod.path("status").path("phase").asText(), pod::toString);
        assertEquals("BestEffort", pod.path("status").path("qosClass").asText(), pod::toString);
    }

    @Test
    void applyTwiceReportsUnchanged() {
        kubectl.run("create", "namespace", "apply-twice").ok();
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: apply-twice
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.27
                        ports:
                        - containerPort: 80
                """;
        assertEquals("deployment.apps/web created\n", kubectl.runWithInput(manifest, "apply", "-f", "-").ok().stdout());
        assertEquals("deployment.apps/web unchanged\n",
                kubectl.runWithInput(manifest, "apply", "-f", "-").ok().stdout());

        JsonNode deployment = kubectl.getJson("deploy", "web", "-n", "apply-twice");
        String lastApplied = deployment.path("metadata").path("annotations")
                .path("kubectl.kubernetes.io/last-applied-configuration").asText();
        assertTrue(lastApplied.contains("\"image\":\"nginx:1.27\""), lastApplied);

        String changed = manifest.replace("replicas: 2", "replicas: 3").replace("nginx:1.27", "nginx:1.28");
        assertEquals("deployment.apps/web configured\n",
                kubectl.runWithInput(changed, "apply", "-f", "-").ok().stdout());
        deployment = kubectl.getJson("deploy", "web", "-n", "apply-twice");
        assertEquals(3, deployment.path("spec").path("replicas").asInt());
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("nginx:1.28", container.path("image").asText());
        assertEquals(80, container.path("ports").get(0).path("containerPort").asInt());
        assertEquals(2, deployment.path("metadata").path("generation").asInt(), "spec change bumps generation");
    }

    @Test
    void serverSideApplyCreatesThenUpdates() {
        kubectl.run("create", "namespace", "ssa").ok();
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: ssa
                data:
                  mode: fast
                """;
        assertEquals("configmap/settings serverside-applied\n",
                kubectl.runWithInput(manifest, "apply", "--server-side", "-f", "-").ok().stdout());
        assertEquals("configmap/settings serverside-applied\n", kubectl.runWithInput(
                manifest.replace("mode: fast", "mode: safe\n  level: \"3\""), "apply", "--server-side", "-f", "-")
                .ok().stdout());
        JsonNode data = kubectl.getJson("configmap", "settings", "-n", "ssa").path("data");
        assertEquals("safe", data.path("mode").asText());
        assertEquals("3", data.path("level").asText());
    }

    @Test
    void createGeneratorsSendProtobufBodies() throws Exception {
        assertEquals("namespace/generators created\n", kubectl.run("create", "namespace", "generators").ok().stdout());
        assertEquals("deployment.apps/web created\n", kubectl.run("create", "deployment", "web", "--image=nginx:1.27",
                "--replicas=3", "-n", "generators").ok().stdout());
        assertEquals("configmap/settings created\n", kubectl.run("create", "configmap", "settings",
                "--from-literal=mode=fast", "--from-literal=level=3", "-n", "generators").ok().stdout());
        Path envFile = Files.createTempFile(cluster.dataDir(), "secret", ".env");
        Files.writeString(envFile, "USER=admin\nPASSWORD=s3cr3t\n");
        assertEquals("secret/creds created\n", kubectl.run("create", "secret", "generic", "creds",
                "--from-env-file=" + envFile, "-n", "generators").ok().stdout());

        JsonNode ns = kubectl.getJson("namespace", "generators");
        assertEquals("generators", ns.path("metadata").path("name").asText());
        JsonNode deployment = kubectl.getJson("deployment", "web", "-n", "generators");
        assertEquals(3, deployment.path("spec").path("replicas").asInt());
        assertEquals("web", deployment.path("spec").path("selector").path("matchLabels").path("app").asText());
        assertEquals("nginx:1.27", deployment.path("spec").path("template").path("spec").path("containers").get(0)
                .path("image").asText());
        assertFalse(deployment.path("metadata").path("creationTimestamp").isNull(), deployment::toString);
        JsonNode configMap = kubectl.getJson("configmap", "settings", "-n", "generators");
        assertEquals("fast", configMap.path("data").path("mode").asText());
        assertEquals("3", configMap.path("data").path("level").asText());
        JsonNode secret = kubectl.getJson("secret", "creds", "-n", "generators");
        assertEquals("YWRtaW4=", secret.path("data").path("USER").asText());
        assertEquals("czNjcjN0", secret.path("data").path("PASSWORD").asText());
        assertEquals("Opaque", secret.path("type").asText(), secret::toString);
    }

    @Test
    void runCreatesLabelledPod() {
        kubectl.run("create", "namespace", "run-labels").ok();
        assertEquals("pod/nginx created\n", kubectl.run("run", "nginx", "--image=nginx", "--labels=app=web,tier=front",
                "-n", "run-labels").ok().stdout());
        JsonNode pod = kubectl.getJson("pod", "nginx", "-n", "run-labels");
        JsonNode labels = pod.path("metadata").path("labels");
        assertEquals(2, labels.size(), labels::toString);
        assertEquals("web", labels.path("app").asText());
        assertEquals("front", labels.path("tier").asText());
        assertEquals("nginx", pod.path("spec").path("containers").get(0).path("name").asText());
    }

    @Test
    void dryRunsStoreNothing() {
        kubectl.run("create", "namespace", "dry-run").ok();
        Kubectl.Result client = kubectl.run("run", "client", "--image=nginx", "--dry-run=client", "-o", "json",
                "-n", "dry-run").ok();
        assertEquals("Pod", client.json().path("kind").asText());

        Kubectl.Result server = kubectl.run("run", "server", "--image=nginx", "--dry-run=server", "-o", "json",
                "-n", "dry-run").ok();
        JsonNode wouldBe = server.json();
        assertEquals("server", wouldBe.path("metadata").path("name").asText());
        assertFalse(wouldBe.path("metadata").path("creationTimestamp").isNull(), wouldBe::toString);
        assertEquals("deployment.apps/web created (server dry run)\n", kubectl.run("create", "deployment", "web",
                "--image=nginx", "--dry-run=server", "-n", "dry-run").ok().stdout());

        assertEquals("", kubectl.run("get", "pods,deployments", "-n", "dry-run", "-o", "name").ok().stdout());
        assertTrue(kubectl.run("get", "pod", "server", "-n", "dry-run").failed().stderr()
                .contains("pods \"server\" not found"));
    }

    @Test
    void exposeNodePortAllocatesClusterIpAndNodePort() throws Exception {
        kubectl.run("create", "namespace", "expose").ok();
        kubectl.run("create", "deployment", "web", "--image=nginx", "--port=80", "-n", "expose").ok();
        assertEquals("service/web exposed\n", kubectl.run("expose", "deployment", "web", "--type=NodePort",
                "--port=80", "-n", "expose").ok().stdout());

        JsonNode spec = kubectl.getJson("service", "web", "-n", "expose").path("spec");
        assertEquals("NodePort", spec.path("type").asText());
        assertEquals("web", spec.path("selector").path("app").asText());
        String clusterIp = spec.path("clusterIP").asText();
        assertTrue(inServiceCidr(clusterIp), () -> "clusterIP " + clusterIp + " outside 10.96.0.0/12: " + spec);
        assertEquals(clusterIp, spec.path("clusterIPs").get(0).asText(), spec::toString);
        int nodePort = spec.path("ports").get(0).path("nodePort").asInt();
        assertTrue(nodePort >= 30000 && nodePort <= 32767, () -> "nodePort " + nodePort + ": " + spec);

        String row = kubectl.run("get", "svc", "web", "-n", "expose").ok().stdout();
        assertTrue(row.matches("(?s).*web\\s+NodePort\\s+" + clusterIp.replace(".", "\\.") + "\\s+<none>\\s+80:"
                + nodePort + "/TCP\\s+.*"), row);
    }

    private static boolean inServiceCidr(String ip) throws Exception {
        if (ip.isEmpty() || !ip.matches("[0-9.]+")) {
            return false;
        }
        byte[] bytes = InetAddress.getByName(ip).getAddress();
        return (bytes[0] & 0xff) == 10 && (bytes[1] & 0xf0) == 96;
    }
}
