package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DaemonSet, StatefulSet, Job and CronJob with the real kubectl on three simulated nodes. */
class WorkloadsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CRON_NS = "cron";

    private static Cluster cluster;
    private static Kubectl kubectl;
    private static Instant cronJobCreated;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(3);
        kubectl = cluster.kubectl();
        // created first so that the minute it waits for passes while the other tests run
        kubectl.run("create", "namespace", CRON_NS).ok();
        kubectl.run("create", "cronjob", "tick", "--image=busybox:1.36", "--schedule=*/1 * * * *", "-n", CRON_NS,
                "--", "date").ok();
        cronJobCreated = Instant.now();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void daemonSetRunsOnEveryNodeIncludingOneAddedLater() {
        String ns = "daemons";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
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
        JsonNode ds = Await.until("agent ready on the 3 nodes", TIMEOUT, () -> kubectl.getJson("daemonset", "agent", "-n", ns),
                d -> d.path("status").path("numberReady").asInt() == 3);
        assertEquals(3, ds.path("status").path("desiredNumberScheduled").asInt(), ds::toString);
        PodList pods = kubectl.pods("-n", ns, "-l", "app=agent");
        assertEquals(3, pods.ready().size(), pods::toString);
        assertEquals(Set.of("sim-0", "sim-1", "sim-2"), pods.nodes());
        String row = kubectl.run("get", "daemonset", "agent", "-n", ns).ok().firstRow();
        assertTrue(row.matches("agent\\s+3\\s+3\\s+3\\s+3\\s+3\\s+<none>\\s+\\d+s"), row);

        // a node without a kubelet: its daemon pod is created and bound, but nothing runs it
        kubectl.runWithInput("""
                apiVersion: v1
                kind: Node
                metadata:
                  name: late-node
                  labels: {kubernetes.io/hostname: late-node}
                status:
                  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
                  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
                """, "create", "-f", "-").ok();
        try {
            PodList withLate = Await.until("a daemon pod bound to late-node", TIMEOUT,
                    () -> kubectl.pods("-n", ns, "-l", "app=agent"), p -> p.onNode("late-node").size() == 1);
            assertEquals(4, withLate.live().size(), withLate::toString);
            assertEquals(Set.of("late-node", "sim-0", "sim-1", "sim-2"), withLate.nodes());
            assertEquals("Pending", PodList.phase(withLate.onNode("late-node").items().getFirst()));
            JsonNode status = Await.until("agent counts late-node", TIMEOUT,
                    () -> kubectl.getJson("daemonset", "agent", "-n", ns),
                    d -> d.path("status").path("currentNumberScheduled").asInt() == 4).path("status");
            assertEquals(4, status.path("desiredNumberScheduled").asInt(), status::toString);
            assertEquals(3, status.path("numberReady").asInt(), status::toString);
        } finally {
            kubectl.run("delete", "node", "late-node").ok();
        }
    }

    @Test
    void statefulSetCreatesPodsInOrderAndDeletesThemInReverse() {
        String ns = "stateful";
        kubectl.run("create", "namespace", ns).ok();
        try (StreamingKubectl watch = kubectl.stream("get", "pods", "-n", ns, "-w", "--output-watch-events")) {
            kubectl.runWithInput("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec:
                      clusterIP: None
                      selector: {app: web}
                      ports: [{port: 80}]
                    ---
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: web}
                    spec:
                      serviceName: web
                      replicas: 3
                      selector: {matchLabels: {app: web}}
                      template:
                        metadata: {labels: {app: web}}
                        spec:
                          containers: [{name: nginx, image: "nginx:1.25"}]
                    """, "apply", "-n", ns, "-f", "-").ok();
            Kubectl.Result status = kubectl.run("rollout", "status", "statefulset/web", "-n", ns, "--timeout=60s").ok();
            assertTrue(status.stdout().endsWith("partitioned roll out complete: 3 new pods have been updated...\n"),
                    status.stdout());
            assertEquals(List.of("web-0", "web-1", "web-2"), kubectl.pods("-n", ns).ready().names());

            // OrderedReady: web-N is created only once web-(N-1) is Running and Ready
            int web0Ready = watch.awaitLine(0, row("web-0", "Running", "1/1"), TIMEOUT);
            int web1Added = watch.awaitLine(0, event("ADDED", "web-1"), TIMEOUT);
            int web1Ready = watch.awaitLine(0, row("web-1", "Running", "1/1"), TIMEOUT);
            int web2Added = watch.awaitLine(0, event("ADDED", "web-2"), TIMEOUT);
            assertTrue(web0Ready < web1Added && web1Ready < web2Added, () -> String.join("\n", watch.lines()));

            assertEquals("statefulset.apps/web scaled\n",
                    kubectl.run("scale", "statefulset/web", "--replicas=0", "-n", ns).ok().stdout());
            int web2Gone = watch.awaitLine(0, event("DELETED", "web-2"), TIMEOUT);
            int web1Gone = watch.awaitLine(0, event("DELETED", "web-1"), TIMEOUT);
            watch.awaitLine(0, event("DELETED", "web-0"), TIMEOUT);
            // web-N is deleted only once web-(N+1) is gone
            int web1Deleting = watch.awaitLine(web1Ready + 1, deletion("web-1"), TIMEOUT);
            int web0Deleting = watch.awaitLine(web0Ready + 1, deletion("web-0"), TIMEOUT);
            assertTrue(web2Gone < web1Deleting && web1Gone < web0Deleting, () -> String.join("\n", watch.lines()));
        }
        Await.until("web scaled to 0", TIMEOUT, () -> kubectl.getJson("statefulset", "web", "-n", ns).path("status"),
                s -> s.path("replicas").asInt() == 0);
    }

    @Test
    void statefulSetClaimsAreProvisionedOnThePodsNodesAndFollowTheRetentionPolicy() {
        String ns = "claims";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  replicas: 3
                  podManagementPolicy: Parallel
                  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete, whenDeleted: Delete}
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                      - name: db
                        image: "postgres:16"
                        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec:
                      accessModes: [ReadWriteOnce]
                      resources: {requests: {storage: 1Gi}}
                """, "apply", "-n", ns, "-f", "-").ok();
        kubectl.run("rollout", "status", "statefulset/db", "-n", ns, "--timeout=60s").ok();

        // WaitForFirstConsumer: each claim is provisioned (local-path) on the node its pod was scheduled to
        JsonNode claims = Await.until("3 bound claims", TIMEOUT, () -> kubectl.getJson("pvc", "-n", ns).path("items"),
                items -> items.size() == 3 && allBound(items));
        for (JsonNode claim : claims) {
            String pod = "db-" + claim.path("metadata").path("name").asText().substring("data-db-".length());
            String podNode = kubectl.getJson("pod", pod, "-n", ns).path("spec").path("nodeName").asText();
            assertEquals(podNode, claim.path("metadata").path("annotations").path("volume.kubernetes.io/selected-node").asText());
            JsonNode volume = kubectl.getJson("pv", claim.path("spec").path("volumeName").asText());
            assertEquals("local-path", volume.path("spec").path("storageClassName").asText());
            assertEquals(podNode, volume.path("spec").path("nodeAffinity").path("required").path("nodeSelectorTerms")
                    .path(0).path("matchExpressions").path(0).path("values").path(0).asText(), volume.toString());
        }

        // whenScaled: Delete — the claims of the removed ordinals go with their pods
        kubectl.run("scale", "statefulset/db", "--replicas=1", "-n", ns).ok();
        Await.until("only data-db-0 left", TIMEOUT, () -> names(kubectl.getJson("pvc", "-n", ns).path("items")),
                names -> names.equals(List.of("data-db-0")));
        // whenDeleted: Delete — the last claim goes with the set
        kubectl.run("delete", "statefulset/db", "-n", ns).ok();
        Await.until("no claims left", TIMEOUT, () -> names(kubectl.getJson("pvc", "-n", ns).path("items")), List::isEmpty);
    }

    private static boolean allBound(JsonNode claims) {
        for (JsonNode claim : claims) {
            if (!"Bound".equals(claim.path("status").path("phase").asText())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("metadata").path("name").asText()));
        return names;
    }

    /** A watch row of {@code pod} in {@code status} with {@code ready} containers. */
    private static Predicate<String> row(String pod, String status, String ready) {
        return line -> line.matches("\\S+\\s+" + pod + "\\s+" + ready + "\\s+" + status + "\\s.*");
    }

    private static Predicate<String> event(String type, String pod) {
        return line -> line.startsWith(type + " ") && line.matches("\\S+\\s+" + pod + "\\s.*");
    }

    /** The first row showing the pod being deleted: Terminating, finished, or gone. */
    private static Predicate<String> deletion(String pod) {
        return line -> line.matches("\\S+\\s+" + pod + "\\s+\\S+\\s+(Terminating|Completed|Error)\\s.*")
                || event("DELETED", pod).test(line);
    }

    @Test
    void jobWithThreeCompletionsAndParallelismTwoCompletes() {
        String ns = "jobs";
        applyBatchJob(ns);
        assertEquals("job.batch/batch condition met\n",
                kubectl.run("wait", "--for=condition=complete", "job/batch", "-n", ns, "--timeout=60s").ok().stdout());

        JsonNode status = kubectl.getJson("job", "batch", "-n", ns).path("status");
        assertEquals(3, status.path("succeeded").asInt(), status::toString);
        assertEquals(0, status.path("active").asInt(), status::toString);
        String row = kubectl.run("get", "job", "batch", "-n", ns).ok().firstRow();
        assertTrue(row.matches("batch\\s+Complete\\s+3/3\\s+\\S+\\s+\\S+"), row);
        PodList pods = kubectl.pods("-n", ns, "-l", "batch.kubernetes.io/job-name=batch");
        assertEquals(3, pods.size(), pods::toString);
        assertEquals(Set.of("Succeeded"), Set.copyOf(pods.items().stream().map(PodList::phase).toList()), pods::toString);
    }

    @Test
    void jobCreatesExactlyThePodsItNeeds() {
        String ns = "jobs-exact";
        applyBatchJob(ns);
        kubectl.run("wait", "--for=condition=complete", "job/batch", "-n", ns, "--timeout=60s").ok();
        // exactly the three pods needed were created, none deleted, and the job completed once
        List<String> reasons = Await.until("the job's events", TIMEOUT, () -> eventReasons(ns, "batch"),
                r -> r.contains("Completed"));
        assertEquals(3, reasons.stream().filter("SuccessfulCreate"::equals).count(), reasons::toString);
        assertEquals(0, reasons.stream().filter("SuccessfulDelete"::equals).count(), reasons::toString);
        assertEquals(1, reasons.stream().filter("Completed"::equals).count(), reasons::toString);
    }

    /** Creates {@code ns} with Job "batch": completions 3, parallelism 2, pods that run a second. */
    private static void applyBatchJob(String ns) {
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: batch}
                spec:
                  completions: 3
                  parallelism: 2
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: work, image: "busybox:1.36", command: [sh, -c, "sleep 1"]}]
                """, "apply", "-n", ns, "-f", "-").ok();
    }

    /** The reasons of the events about object {@code name}, one per event row as {@code get events} lists them. */
    private static List<String> eventReasons(String ns, String name) {
        return kubectl.run("get", "events", "-n", ns, "--field-selector", "involvedObject.name=" + name,
                "-o", "jsonpath={range .items[*]}{.reason}{\"\\n\"}{end}").ok().stdout().lines().toList();
    }

    @Test
    void cronJobEveryMinuteCreatesAJob() {
        Duration left = Duration.ofSeconds(75).minus(Duration.between(cronJobCreated, Instant.now()));
        JsonNode jobs = Await.until("a job of cronjob tick", left.isNegative() ? Duration.ZERO : left,
                () -> kubectl.getJson("jobs", "-n", CRON_NS).path("items"), items -> items.size() > 0);
        long firstMinute = (cronJobCreated.getEpochSecond() + 59) / 60;
        Set<String> names = new TreeSet<>();
        for (JsonNode job : jobs) {
            String name = job.path("metadata").path("name").asText();
            names.add(name);
            // a job is named after its scheduled time in minutes since the epoch
            assertTrue(name.matches("tick-\\d+") && Long.parseLong(name.substring(5)) >= firstMinute, name);
            JsonNode owner = job.path("metadata").path("ownerReferences").path(0);
            assertEquals("CronJob/tick/true", owner.path("kind").asText() + "/" + owner.path("name").asText() + "/"
                    + owner.path("controller").asText());
        }
        String first = names.iterator().next();
        assertEquals("job.batch/" + first + " condition met\n",
                kubectl.run("wait", "--for=condition=complete", "job/" + first, "-n", CRON_NS, "--timeout=30s").ok().stdout());

        JsonNode status = Await.until("tick records its last schedule and success", TIMEOUT,
                () -> kubectl.getJson("cronjob", "tick", "-n", CRON_NS).path("status"),
                s -> s.has("lastScheduleTime") && s.has("lastSuccessfulTime"));
        long lastScheduled = Instant.parse(status.path("lastScheduleTime").asText()).getEpochSecond() / 60;
        kubectl.run("get", "job", "tick-" + lastScheduled, "-n", CRON_NS).ok();
        String row = kubectl.run("get", "cronjob", "tick", "-n", CRON_NS).ok().firstRow();
        assertTrue(row.matches("tick\\s+\\*/1 \\* \\* \\* \\*\\s+<none>\\s+False\\s+\\d+\\s+\\d+s\\s+\\S+"), row);
    }
}
