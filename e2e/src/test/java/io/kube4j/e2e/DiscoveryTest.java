package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What kubectl learns about the server: version, api-resources, api-versions, explain, cluster-info, can-i. */
class DiscoveryTest {
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
    void versionReportsServer132() {
        String out = kubectl.run("version").ok().stdout();
        assertTrue(Pattern.compile("(?m)^Server Version: v1\\.32\\.\\d+").matcher(out).find(), out);
        assertEquals("32", kubectl.run("version", "-o", "json").ok().json().path("serverVersion").path("minor")
                .asText());
    }

    @Test
    void apiResourcesListsShortNamesAndScopes() {
        String out = kubectl.run("api-resources").ok().stdout();
        assertTrue(out.startsWith("NAME"), out);
        assertRow(out, "pods\\s+po\\s+v1\\s+true\\s+Pod");
        assertRow(out, "deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment");
        assertRow(out, "replicasets\\s+rs\\s+apps/v1\\s+true\\s+ReplicaSet");
        assertRow(out, "services\\s+svc\\s+v1\\s+true\\s+Service");
        assertRow(out, "namespaces\\s+ns\\s+v1\\s+false\\s+Namespace");
        assertRow(out, "nodes\\s+no\\s+v1\\s+false\\s+Node");
        assertRow(out, "configmaps\\s+cm\\s+v1\\s+true\\s+ConfigMap");

        String namespaced = kubectl.run("api-resources", "--namespaced=false", "-o", "name").ok().stdout();
        assertTrue(List.of(namespaced.split("\n")).containsAll(List.of("namespaces", "nodes")), namespaced);
        assertFalse(List.of(namespaced.split("\n")).contains("pods"), namespaced);
    }

    @Test
    void apiVersionsListsGroups() {
        List<String> versions = List.of(kubectl.run("api-versions").ok().stdout().split("\n"));
        assertTrue(versions.containsAll(List.of("v1", "apps/v1", "batch/v1", "autoscaling/v2", "policy/v1",
                "rbac.authorization.k8s.io/v1", "networking.k8s.io/v1", "coordination.k8s.io/v1")), versions::toString);
    }

    @Test
    void apiVersionsListsAuthorizationGroup() {
        List<String> versions = List.of(kubectl.run("api-versions").ok().stdout().split("\n"));
        assertTrue(versions.contains("authorization.k8s.io/v1"), versions::toString);
    }

    @Test
    void explainPodContainers() {
        String out = kubectl.run("explain", "pod.spec.containers").ok().stdout();
        assertTrue(out.startsWith("KIND:       Pod\nVERSION:    v1\n"), out);
        assertTrue(out.contains("FIELD: containers <[]Container>"), out);
        assertRow(out, "  image\t<string>");
        assertRow(out, "  ports\t<\\[\\]ContainerPort>");

        String image = kubectl.run("explain", "deployment.spec.template.spec.containers.image").ok().stdout();
        assertTrue(image.startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n"), image);
        assertTrue(image.contains("FIELD: image <string>"), image);

        Kubectl.Result unknown = kubectl.run("explain", "pod.spec.nope").failed();
        assertTrue(unknown.stderr().contains("field \"nope\" does not exist"), unknown.stderr());

        assertRow(out, "  name\t<string> -required-");
    }

    @Test
    void clusterInfoPrintsControlPlaneUrl() {
        String out = kubectl.run("cluster-info").ok().stdout();
        assertTrue(out.contains("Kubernetes control plane is running at https://127.0.0.1:" + cluster.server().port()),
                out);
    }

    @Test
    void adminCanCreatePods() {
        assertEquals("yes\n", kubectl.run("auth", "can-i", "create", "pods").ok().stdout());
        assertEquals("yes\n", kubectl.run("auth", "can-i", "delete", "deployments.apps", "-n", "kube-system")
                .ok().stdout());
        assertEquals("yes\n", kubectl.run("auth", "can-i", "*", "*").ok().stdout());
    }

    private static void assertRow(String out, String rowPattern) {
        assertTrue(Pattern.compile("(?m)^" + rowPattern + "$").matcher(out).find(),
                () -> "no row matching /" + rowPattern + "/ in:\n" + out);
    }
}
