package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What deletion takes along on three simulated nodes: a namespace and everything in it, and a
 * Deployment's ReplicaSets and pods under Background, Foreground and Orphan propagation.
 */
class CleanupTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Cluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(3);
        kubectl = cluster.kubectl();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    /** Deployment {@code name} (app={@code name}) with two ReplicaSets: 3 pods of the second, rolled out. */
    private static void deploymentWithTwoReplicaSets(String ns, String name) {
        kubectl.run("create", "deployment", name, "--image=nginx:1.25", "--replicas=3", "-n", ns).ok();
        kubectl.run("rollout", "status", "deployment/" + name, "-n", ns, "--timeout=60s").ok();
        kubectl.run("set", "image", "deployment/" + name, "nginx=nginx:1.26", "-n", ns).ok();
        kubectl.run("rollout", "status", "deployment/" + name, "-n", ns, "--timeout=60s").ok();
        assertEquals(2, replicaSets(ns, name).size());
        Await.until("3 ready pods of " + name, TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=" + name),
                p -> p.ready().size() == 3);
    }

    private static JsonNode replicaSets(String ns, String app) {
        return kubectl.getJson("replicasets", "-n", ns, "-l", "app=" + app).path("items");
    }

    @Test
    void deletingANamespaceRemovesEverythingInIt() {
        String ns = "doomed";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.run("create", "deployment", "web", "--image=nginx:1.25", "--replicas=3", "-n", ns).ok();
        kubectl.run("expose", "deployment", "web", "--port=80", "-n", ns).ok();
        kubectl.run("create", "configmap", "settings", "--from-literal=k=v", "-n", ns).ok();
        kubectl.run("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s").ok();
        JsonNode endpoints = Await.until("3 endpoints of web", TIMEOUT, () -> kubectl.getJson("endpoints", "web", "-n", ns),
                e -> e.path("subsets").path(0).path("addresses").size() == 3);
        assertEquals(80, endpoints.path("subsets").path(0).path("ports").path(0).path("port").asInt(), endpoints::toString);

        assertEquals("namespace \"" + ns + "\" deleted\n", kubectl.run("delete", "namespace", ns).ok().stdout());
        assertEquals("Error from server (NotFound): namespaces \"" + ns + "\" not found\n",
                kubectl.run("get", "namespace", ns).failed().stderr());
        for (String path : List.of("/apis/apps/v1/namespaces/%s/deployments", "/apis/apps/v1/namespaces/%s/replicasets",
                "/api/v1/namespaces/%s/pods", "/api/v1/namespaces/%s/services", "/api/v1/namespaces/%s/configmaps",
                "/api/v1/namespaces/%s/endpoints", "/apis/discovery.k8s.io/v1/namespaces/%s/endpointslices",
                "/api/v1/namespaces/%s/serviceaccounts")) {
            JsonNode items = cluster.api().get(path.formatted(ns)).json().path("items");
            assertEquals(0, items.size(), () -> "left behind in " + path.formatted(ns) + ": " + items);
        }
    }

    @Test
    void deletingADeploymentRemovesItsReplicaSetsAndPodsInTheBackground() {
        String ns = "cascade-background";
        kubectl.run("create", "namespace", ns).ok();
        deploymentWithTwoReplicaSets(ns, "web");

        assertEquals("deployment.apps \"web\" deleted\n", kubectl.run("delete", "deployment", "web", "-n", ns).ok().stdout());
        Await.until("web's ReplicaSets gone", TIMEOUT, () -> replicaSets(ns, "web"), JsonNode::isEmpty);
        Await.until("web's pods gone", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"), p -> p.size() == 0);
    }

    @Test
    void foregroundDeletionReturnsOnlyOnceReplicaSetsAndPodsAreGone() {
        String ns = "cascade-foreground";
        kubectl.run("create", "namespace", ns).ok();
        deploymentWithTwoReplicaSets(ns, "web");

        assertEquals("deployment.apps \"web\" deleted\n",
                kubectl.run("delete", "deployment", "web", "--cascade=foreground", "-n", ns).ok().stdout());
        // kubectl waited for the deployment to disappear, which foreground deletion allows only after its dependents
        assertEquals(0, replicaSets(ns, "web").size(), () -> replicaSets(ns, "web").toString());
        PodList left = kubectl.pods("-n", ns, "-l", "app=web");
        assertEquals(0, left.size(), left::toString);
    }

    @Test
    void orphanDeletionLeavesTheReplicaSetAndItsPods() {
        String ns = "cascade-orphan";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.run("create", "deployment", "web", "--image=nginx:1.25", "--replicas=3", "-n", ns).ok();
        kubectl.run("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s").ok();
        String rsName = replicaSets(ns, "web").path(0).path("metadata").path("name").asText();
        Set<String> pods = Set.copyOf(Await.until("3 ready pods", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"),
                p -> p.ready().size() == 3 && p.size() == 3).names());

        assertEquals("deployment.apps \"web\" deleted\n",
                kubectl.run("delete", "deployment", "web", "--cascade=orphan", "-n", ns).ok().stdout());
        JsonNode rs = kubectl.getJson("replicaset", rsName, "-n", ns);
        assertTrue(rs.path("metadata").path("ownerReferences").isEmpty(), () -> "still owned: " + rs.path("metadata"));
        assertEquals(3, rs.path("spec").path("replicas").asInt());
        PodList after = Await.holds("the orphaned ReplicaSet keeps its pods", Duration.ofSeconds(3),
                () -> kubectl.pods("-n", ns, "-l", "app=web"), p -> pods.equals(Set.copyOf(p.ready().names())));
        assertEquals(Set.of("ReplicaSet/" + rsName), after.owners());
    }
}
