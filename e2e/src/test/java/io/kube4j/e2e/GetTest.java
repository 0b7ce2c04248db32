package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading objects: get with the table printer, -o wide/yaml/json/jsonpath, --show-labels, label
 * selectors, get all, describe. All tests read one namespace populated once.
 */
class GetTest {
    private static final String NS = "shop";
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: %s
              namespace: shop
              labels: {%s}
            spec:
              containers:
              - name: c
                image: nginx:1.27
            """;

    private static Cluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start();
        kubectl = cluster.kubectl();
        kubectl.run("create", "namespace", NS).ok();
        String objects = String.join("---\n",
                POD.formatted("front-1", "app: web, tier: front"),
                POD.formatted("back-1", "app: web, tier: back"),
                POD.formatted("db-1", "app: db"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, labels: {app: site}}
                spec:
                  replicas: 0
                  selector: {matchLabels: {app: site}}
                  template:
                    metadata: {labels: {app: site}}
                    spec:
                      containers: [{name: nginx, image: "nginx:1.27"}]
                """,
                """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: cache, namespace: shop}
                spec:
                  replicas: 0
                  selector: {matchLabels: {app: cache}}
                  template:
                    metadata: {labels: {app: cache}}
                    spec:
                      containers: [{name: redis, image: "redis:7"}]
                """,
                """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """);
        kubectl.runWithInput(objects, "create", "-f", "-").ok();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void getPodsPrintsTableColumns() {
        List<String> lines = lines(kubectl.run("get", "pods", "-n", NS).ok().stdout());
        assertColumns(lines.get(0), "NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertEquals(List.of("back-1", "db-1", "front-1"), firstColumn(lines), "sorted by name");
        assertTrue(lines.get(1).matches("back-1\\s+0/1\\s+Pending\\s+0\\s+\\d+s"), lines.get(1));
    }

    @Test
    void getPodsWideAddsPriorityColumns() {
        List<String> lines = lines(kubectl.run("get", "pods", "-n", NS, "-o", "wide").ok().stdout());
        assertColumns(lines.get(0), "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE",
                "READINESS GATES");
        assertTrue(lines.get(1).matches("back-1\\s+0/1\\s+\\S+\\s+0\\s+\\d+s\\s+<none>\\s+<none>\\s+<none>\\s+<none>"),
                lines.get(1));
    }

    @Test
    void getYamlJsonAndJsonpath() throws Exception {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(
                kubectl.run("get", "pod", "front-1", "-n", NS, "-o", "yaml").ok().stdout());
        assertEquals("Pod", yaml.path("kind").asText());
        assertEquals("v1", yaml.path("apiVersion").asText());
        assertEquals("front", yaml.path("metadata").path("labels").path("tier").asText());

        JsonNode list = kubectl.getJson("pods", "-n", NS);
        assertEquals("List", list.path("kind").asText());
        assertEquals(3, list.path("items").size());
        assertEquals("Pod", list.path("items").get(0).path("kind").asText(), "items keep their kind");

        assertEquals("back-1 db-1 front-1", kubectl.run("get", "pods", "-n", NS, "-o",
                "jsonpath={.items[*].metadata.name}").ok().stdout());
        assertEquals("nginx:1.27", kubectl.run("get", "pod", "db-1", "-n", NS, "-o",
                "jsonpath={.spec.containers[0].image}").ok().stdout());
    }

    @Test
    void showLabels() {
        List<String> lines = lines(kubectl.run("get", "pods", "-n", NS, "--show-labels").ok().stdout());
        assertColumns(lines.get(0), "NAME", "READY", "STATUS", "RESTARTS", "AGE", "LABELS");
        assertTrue(lines.get(1).matches("back-1\\s.*\\sapp=web,tier=back"), lines.get(1));
        assertTrue(lines.get(2).matches("db-1\\s.*\\sapp=db"), lines.get(2));
    }

    @Test
    void labelSelectors() {
        assertEquals(List.of("back-1", "front-1"), selected("app=web"));
        assertEquals(List.of("db-1"), selected("app!=web"));
        assertEquals(List.of("back-1", "front-1"), selected("tier in (front,back)"));
        assertEquals(List.of("back-1", "db-1"), selected("tier notin (front)"));
        assertEquals(List.of("back-1", "front-1"), selected("tier"));
        assertEquals(List.of("db-1"), selected("!tier"));
        assertEquals(List.of("front-1"), selected("app=web,tier=front"));
        Kubectl.Result none = kubectl.run("get", "pods", "-n", NS, "-l", "app=nothing").ok();
        assertEquals("", none.stdout());
        assertEquals("No resources found in shop namespace.\n", none.stderr());
    }

    @Test
    void getSeveralKindsAtOnce() {
        String out = kubectl.run("get", "pods,svc", "-n", NS).ok().stdout();
        assertTrue(out.contains("pod/front-1"), out);
        assertTrue(Pattern.compile("(?m)^service/web\\s+ClusterIP\\s+10\\.\\d+\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP\\s+")
                .matcher(out).find(), out);
    }

    @Test
    void getAllListsWorkloadsAndServices() {
        String out = kubectl.run("get", "all", "-n", NS).ok().stdout();
        for (String name : List.of("pod/front-1", "pod/back-1", "pod/db-1", "service/web", "deployment.apps/web",
                "replicaset.apps/cache")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s").matcher(out).find(),
                    () -> name + " missing from get all:\n" + out);
        }
    }

    @Test
    void getNamespacesShowsPhase() {
        List<String> lines = lines(kubectl.run("get", "ns").ok().stdout());
        assertColumns(lines.get(0), "NAME", "STATUS", "AGE");
        assertTrue(firstColumn(lines).containsAll(List.of("default", "kube-system", "kube-public", "kube-node-lease",
                NS)), lines::toString);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("\\S+\\s+Active\\s+\\d+[smhd]"), () -> "namespace row: " + line);
        }
    }

    @Test
    void getDeploymentsAndReplicaSets() {
        List<String> deploy = lines(kubectl.run("get", "deploy", "-n", NS, "-o", "wide").ok().stdout());
        assertColumns(deploy.get(0), "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES",
                "SELECTOR");
        assertTrue(deploy.get(1).matches("web\\s+0/0\\s+0\\s+0\\s+\\d+s\\s+nginx\\s+nginx:1\\.27\\s+app=site"),
                deploy.get(1));

        List<String> rs = lines(kubectl.run("get", "rs", "-n", NS, "-o", "wide").ok().stdout());
        assertColumns(rs.get(0), "NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR");
        assertTrue(rs.stream().anyMatch(l -> l.matches("cache\\s+0\\s+0\\s+0\\s+\\d+s\\s+redis\\s+redis:7\\s+"
                + "app=cache")), rs::toString);
    }

    @Test
    void getMissingObjectIsNotFound() {
        Kubectl.Result missing = kubectl.run("get", "pod", "nope", "-n", NS).failed();
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", missing.stderr());
    }

    @Test
    void describePod() {
        String out = kubectl.run("describe", "pod", "front-1", "-n", NS).ok().stdout();
        assertField(out, "Name", "front-1");
        assertField(out, "Namespace", NS);
        assertField(out, "Labels", "app=web");
        assertTrue(out.contains("tier=front"), out);
        assertField(out, "Status", "Pending");
        assertTrue(Pattern.compile("(?m)^\\s+Image:\\s+nginx:1\\.27$").matcher(out).find(), out);
        assertField(out, "QoS Class", "BestEffort");
        assertTrue(out.contains("Events:"), out);
    }

    @Test
    void describeDeployment() {
        String out = kubectl.run("describe", "deploy", "web", "-n", NS).ok().stdout();
        assertField(out, "Name", "web");
        assertField(out, "Namespace", NS);
        assertField(out, "Selector", "app=site");
        assertTrue(Pattern.compile("(?m)^Replicas:\\s+0 desired \\| ").matcher(out).find(), out);
        assertField(out, "StrategyType", "RollingUpdate");
        assertField(out, "RollingUpdateStrategy", "25% max unavailable, 25% max surge");
        assertTrue(Pattern.compile("(?m)^\\s+Image:\\s+nginx:1\\.27$").matcher(out).find(), out);
    }

    private static List<String> selected(String selector) {
        String names = kubectl.run("get", "pods", "-n", NS, "-l", selector, "-o",
                "jsonpath={.items[*].metadata.name}").ok().stdout();
        return names.isEmpty() ? List.of() : List.of(names.split(" "));
    }

    private static void assertField(String describe, String field, String value) {
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(field) + ":\\s+" + Pattern.quote(value) + "$")
                .matcher(describe).find(), () -> field + ": " + value + " expected in:\n" + describe);
    }

    private static void assertColumns(String header, String... columns) {
        assertEquals(List.of(columns), List.of(header.trim().split("\\s{2,}")), header);
    }

    private static List<String> firstColumn(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            names.add(line.split("\\s+")[0]);
        }
        return names;
    }

    private static List<String> lines(String out) {
        return List.of(out.split("\n"));
    }
}
