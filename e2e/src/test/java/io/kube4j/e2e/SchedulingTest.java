package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where pods land on three simulated nodes: resource fit with FailedScheduling events, taints and
 * tolerations, nodeSelector, and {@code kubectl drain}/{@code uncordon}.
 */
class SchedulingTest {
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

    @Test
    void podThatFitsNowhereStaysPendingWithFailedScheduling() {
        String ns = "too-big";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: v1
                kind: Pod
                metadata: {name: huge}
                spec:
                  containers:
                  - name: c
                    image: nginx:1.25
                    resources: {requests: {cpu: "100"}}
                """, "apply", "-n", ns, "-f", "-").ok();

        String message = awaitFailedScheduling(ns, "huge");
        assertTrue(message.startsWith("0/3 nodes are available: 3 Insufficient cpu."), message);
        JsonNode pod = kubectl.getJson("pod", "huge", "-n", ns);
        assertEquals("Pending", PodList.phase(pod));
        assertEquals("", PodList.nodeName(pod));
        JsonNode scheduled = Conditions.of(pod, "PodScheduled");
        assertEquals("False/Unschedulable", scheduled.path("status").asText() + "/" + scheduled.path("reason").asText(),
                pod.toString());
        String described = kubectl.run("describe", "pod", "huge", "-n", ns).ok().stdout();
        assertTrue(described.matches("(?s).*Warning\\s+FailedScheduling\\s+\\S+\\s+default-scheduler\\s+"
                + "0/3 nodes are available: 3 Insufficient cpu\\..*"), described);
    }

    /** Waits for the pod's FailedScheduling event and returns its message. */
    private static String awaitFailedScheduling(String ns, String pod) {
        return Await.until("FailedScheduling event of " + pod, TIMEOUT,
                () -> kubectl.run("get", "events", "-n", ns, "--field-selector",
                        "reason=FailedScheduling,involvedObject.name=" + pod,
                        "-o", "jsonpath={.items[-1:].message}").ok().stdout(), m -> !m.isEmpty());
    }

    @Test
    void taintsAndNodeSelectorSteerPods() {
        String ns = "steer";
        kubectl.run("create", "namespace", ns).ok();
        assertEquals("node/sim-0 tainted\n", kubectl.run("taint", "node", "sim-0", "dedicated=x:NoSchedule").ok().stdout());
        assertEquals("node/sim-2 labeled\n", kubectl.run("label", "node", "sim-2", "disktype=ssd").ok().stdout());
        try {
            kubectl.run("create", "deployment", "spread", "--image=nginx:1.25", "--replicas=6", "-n", ns).ok();
            kubectl.runWithInput("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: fast-disk}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {app: fast-disk}}
                      template:
                        metadata: {labels: {app: fast-disk}}
                        spec:
                          nodeSelector: {disktype: ssd}
                          containers: [{name: c, image: "nginx:1.25"}]
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: tolerant}
                    spec:
                      nodeSelector: {kubernetes.io/hostname: sim-0}
                      tolerations: [{key: dedicated, operator: Equal, value: x, effect: NoSchedule}]
                      containers: [{name: c, image: "nginx:1.25"}]
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: intolerant}
                    spec:
                      nodeSelector: {kubernetes.io/hostname: sim-0}
                      containers: [{name: c, image: "nginx:1.25"}]
                    """, "apply", "-n", ns, "-f", "-").ok();

            PodList spread = Await.until("6 ready spread pods", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=spread"),
                    p -> p.ready().size() == 6);
            assertEquals(Set.of("sim-1", "sim-2"), spread.nodes(), "no pod without a toleration lands on tainted sim-0");
            PodList fastDisk = Await.until("2 ready fast-disk pods", TIMEOUT,
                    () -> kubectl.pods("-n", ns, "-l", "app=fast-disk"), p -> p.ready().size() == 2);
            assertEquals(Set.of("sim-2"), fastDisk.nodes());
            JsonNode tolerantPod = Await.until("tolerant running on sim-0", TIMEOUT,
                    () -> kubectl.getJson("pod", "tolerant", "-n", ns), p -> "Running".equals(PodList.phase(p)));
            assertEquals("sim-0", PodList.nodeName(tolerantPod));

            assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: x}, "
                            + "2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: "
                            + "3 Preemption is not helpful for scheduling.",
                    awaitFailedScheduling(ns, "intolerant"));
            assertEquals("Pending", PodList.phase(kubectl.getJson("pod", "intolerant", "-n", ns)));

            // once the taint is gone, the waiting pod is scheduled again without being recreated
            assertEquals("node/sim-0 untainted\n",
                    kubectl.run("taint", "node", "sim-0", "dedicated=x:NoSchedule-").ok().stdout());
            JsonNode intolerant = Await.until("intolerant running on sim-0", TIMEOUT,
                    () -> kubectl.getJson("pod", "intolerant", "-n", ns), p -> "Running".equals(PodList.phase(p)));
            assertEquals("sim-0", PodList.nodeName(intolerant));
        } finally {
            kubectl.run("taint", "node", "sim-0", "dedicated-");
            kubectl.run("label", "node", "sim-2", "disktype-");
        }
    }

    @Test
    void drainEvictsPodsOffTheNodeAndUncordonMakesItSchedulableAgain() {
        String ns = "drain";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 6
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: c
                        image: "nginx:1.25"
                        volumeMounts: [{name: scratch, mountPath: /scratch}]
                      volumes: [{name: scratch, emptyDir: {}}]
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      containers: [{name: agent, image: "busybox:1.36"}]
                """, "apply", "-n", ns, "-f", "-").ok();
        PodList web = Await.until("6 ready web pods, some on sim-1", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"),
                p -> p.ready().size() == 6 && p.size() == 6 && p.onNode("sim-1").size() > 0);
        PodList agents = Await.until("an agent on each node", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=agent"),
                p -> p.ready().size() == 3);
        List<String> onSim1 = web.onNode("sim-1").names();
        String agentOnSim1 = agents.onNode("sim-1").names().getFirst();

        try {
            Kubectl.Result drained = kubectl.run("drain", "sim-1", "--ignore-daemonsets", "--delete-emptydir-data",
                    "--timeout=60s").ok();
            String out = drained.stdout();
            assertTrue(out.startsWith("node/sim-1 cordoned\n"), out);
            assertTrue(out.endsWith("node/sim-1 drained\n"), out);
            for (String pod : onSim1) {
                assertTrue(out.contains("evicting pod " + ns + "/" + pod + "\n"), out);
                assertTrue(out.contains("pod/" + pod + " evicted\n"), out);
            }
            assertFalse(out.contains(agentOnSim1), out);
            assertEquals("Warning: ignoring DaemonSet-managed Pods: " + ns + "/" + agentOnSim1 + "\n", drained.stderr());

            String row = kubectl.run("get", "node", "sim-1").ok().firstRow();
            assertTrue(row.matches("sim-1\\s+Ready,SchedulingDisabled\\s+.*"), row);
            assertTrue(kubectl.getJson("node", "sim-1").path("spec").path("unschedulable").asBoolean());
            PodList moved = Await.until("6 ready web pods off sim-1", TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"),
                    p -> p.ready().size() == 6 && p.size() == 6);
            assertEquals(Set.of("sim-0", "sim-2"), moved.nodes());
            assertTrue(moved.names().stream().noneMatch(onSim1::contains), moved::toString);
            assertEquals(List.of(agentOnSim1), kubectl.pods("-n", ns, "-l", "app=agent").onNode("sim-1").names(),
                    "the daemon pod stays on the drained node");
        } finally {
            assertEquals("node/sim-1 uncordoned\n", kubectl.run("uncordon", "sim-1").ok().stdout());
        }
        assertFalse(kubectl.getJson("node", "sim-1").path("spec").path("unschedulable").asBoolean());
        String row = kubectl.run("get", "node", "sim-1").ok().firstRow();
        assertTrue(row.matches("sim-1\\s+Ready\\s+.*"), row);
    }
}
