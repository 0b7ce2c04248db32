package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A simulated node stops heartbeating: after the 40 s grace period the node lifecycle controller
 * marks it Unknown and taints it unreachable, pods that tolerate that only briefly are evicted and
 * recreated on healthy nodes, pods with the default 300 s toleration stay; the node comes back.
 */
class NodeFailureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Grace period (40 s) + up to one lease renewal interval (10 s) + the controller's monitor period (5 s). */
    private static final Duration NOT_READY_WITHIN = Duration.ofSeconds(60);
    private static final String UNREACHABLE = "node.kubernetes.io/unreachable";

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

    @Test
    void stoppedNodeGoesNotReadyAndItsPodsAreRecreatedOnHealthyNodes() {
        String ns = "failover";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: fast}
                spec:
                  replicas: 6
                  selector: {matchLabels: {app: fast}}
                  template:
                    metadata: {labels: {app: fast}}
                    spec:
                      tolerations:
                      - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
                      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
                      containers: [{name: c, image: "nginx:1.25"}]
                """, "apply", "-n", ns, "-f", "-").ok();
        kubectl.run("create", "deployment", "patient", "--image=nginx:1.25", "--replicas=3", "-n", ns).ok();
        PodList fast = Await.until("6 ready fast pods, some on sim-2", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=fast"),
                p -> p.ready().size() == 6 && p.size() == 6 && p.onNode("sim-2").size() > 0);
        PodList patient = Await.until("3 ready patient pods, some on sim-2", TIMEOUT,
                () -> kubectl.pods("-n", ns, "-l", "app=patient"), p -> p.ready().size() == 3 && p.onNode("sim-2").size() > 0);
        List<String> fastOnSim2 = fast.onNode("sim-2").names();
        List<String> patientOnSim2 = patient.onNode("sim-2").names();

        cluster.nodes().stop("sim-2");
        try {
            JsonNode node = Await.until("sim-2 Ready Unknown and tainted unreachable:NoExecute", NOT_READY_WITHIN,
                    () -> kubectl.getJson("node", "sim-2"),
                    n -> "Unknown".equals(Conditions.of(n, "Ready").path("status").asText()) && taints(n).contains(UNREACHABLE + ":NoExecute"));
            JsonNode ready = Conditions.of(node, "Ready");
            assertEquals("NodeStatusUnknown", ready.path("reason").asText(), ready::toString);
            assertEquals("Kubelet stopped posting node status.", ready.path("message").asText(), ready::toString);
            assertTrue(taints(node).contains(UNREACHABLE + ":NoSchedule"), node.path("spec")::toString);
            String row = kubectl.run("get", "node", "sim-2").ok().firstRow();
            assertTrue(row.matches("sim-2\\s+NotReady\\s+.*"), row);

            // the fast pods on sim-2 are evicted after 2 s and replaced elsewhere
            PodList moved = Await.until("6 ready fast pods off sim-2", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=fast"),
                    p -> p.ready().size() == 6 && p.ready().onNode("sim-2").size() == 0
                            && p.live().names().stream().noneMatch(fastOnSim2::contains));
            assertEquals(Set.of("sim-0", "sim-1"), moved.ready().nodes());
            List<String> evictions = Await.until("TaintManagerEviction events", TIMEOUT,
                    () -> kubectl.run("get", "events", "-n", ns, "--field-selector", "reason=TaintManagerEviction",
                            "-o", "jsonpath={range .items[*]}{.message}{\"\\n\"}{end}").ok().stdout().lines().toList(),
                    messages -> messages.size() >= fastOnSim2.size());
            for (String pod : fastOnSim2) {
                assertTrue(evictions.contains("Marking for deletion Pod " + ns + "/" + pod), evictions::toString);
            }

            // the patient pods tolerate unreachable for the default 300 s: they stay, marked not ready
            PodList stayed = kubectl.pods("-n", ns, "-l", "app=patient").onNode("sim-2");
            assertEquals(patientOnSim2, stayed.live().names(), stayed::toString);
            for (JsonNode pod : stayed.items()) {
                assertEquals("False", PodList.condition(pod, "Ready"), pod::toString);
                assertTrue(pod.path("spec").path("tolerations").toString()
                        .contains("{\"effect\":\"NoExecute\",\"key\":\"" + UNREACHABLE
                                + "\",\"operator\":\"Exists\",\"tolerationSeconds\":300}"), pod::toString);
            }
        } finally {
            cluster.nodes().resume("sim-2");
        }

        JsonNode back = Await.until("sim-2 Ready again without taints", TIMEOUT, () -> kubectl.getJson("node", "sim-2"),
                n -> "True".equals(Conditions.of(n, "Ready").path("status").asText()) && taints(n).isEmpty());
        assertEquals("True", Conditions.of(back, "Ready").path("status").asText());
        // the evicted pods, left Terminating while the node was away, are finished off by the returning node
        Await.until("evicted fast pods gone", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=fast"),
                p -> p.size() == 6 && p.names().stream().noneMatch(fastOnSim2::contains));
        Await.until("patient pods ready again", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=patient"),
                p -> p.ready().size() == 3 && p.names().containsAll(patientOnSim2));
    }


    /** The node's taints as {@code key:effect}. */
    private static List<String> taints(JsonNode node) {
        List<String> taints = new ArrayList<>();
        node.path("spec").path("taints").forEach(t -> taints.add(t.path("key").asText() + ":" + t.path("effect").asText()));
        return taints;
    }
}
