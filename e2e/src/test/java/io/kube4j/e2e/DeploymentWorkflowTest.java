package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Deployment workflows of the notes with the real kubectl on three simulated nodes: create,
 * self-healing, scale, edit, rolling update, history, undo, pause/resume/restart, Recreate and the
 * ScalingReplicaSet events {@code describe} shows.
 */
class DeploymentWorkflowTest {
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

    /** Namespace {@code ns} with deployment web (nginx:1.25, {@code replicas}) rolled out. */
    private static void rolledOutWeb(String ns, int replicas) {
        kubectl.run("create", "namespace", ns).ok();
        assertEquals("deployment.apps/web created\n", kubectl.run("create", "deployment", "web", "--image=nginx:1.25",
                "--replicas=" + replicas, "-n", ns).ok().stdout());
        assertRolledOut(ns);
    }

    private static void assertRolledOut(String ns) {
        Kubectl.Result status = kubectl.run("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s").ok();
        assertTrue(status.stdout().endsWith("deployment \"web\" successfully rolled out\n"), status.stdout());
    }

    /** Waits until web's pods are exactly {@code count} Ready pods (terminating ones gone) and returns them. */
    private static PodList awaitWebPods(String ns, int count) {
        return Await.until(count + " ready pods of web in " + ns, TIMEOUT, () -> kubectl.pods("-n", ns, "-l", "app=web"),
                pods -> pods.size() == count && pods.ready().size() == count);
    }

    private static JsonNode replicaSets(String ns) {
        return kubectl.getJson("replicasets", "-n", ns, "-l", "app=web").path("items");
    }

    @Test
    void createdDeploymentReachesThreeOfThreeAndReplacesADeletedPod() {
        String ns = "deploy-create";
        rolledOutWeb(ns, 3);

        String row = kubectl.run("get", "deployment", "web", "-n", ns).ok().firstRow();
        assertTrue(row.matches("web\\s+3/3\\s+3\\s+3\\s+\\d+s"), row);
        PodList pods = awaitWebPods(ns, 3);
        JsonNode replicaSet = replicaSets(ns).path(0);
        String rsName = replicaSet.path("metadata").path("name").asText();
        assertEquals("web-" + replicaSet.path("metadata").path("labels").path("pod-template-hash").asText(), rsName);
        assertEquals(Set.of("ReplicaSet/" + rsName), pods.owners());
        assertTrue(pods.nodes().stream().allMatch(n -> n.startsWith("sim-")), pods::toString);

        String victim = pods.names().getFirst();
        assertEquals("pod \"" + victim + "\" deleted\n", kubectl.run("delete", "pod", victim, "-n", ns).ok().stdout());
        PodList healed = awaitWebPods(ns, 3);
        assertFalse(healed.names().contains(victim), healed::toString);
        assertEquals(Set.of("ReplicaSet/" + rsName), healed.owners());
    }

    @Test
    void scaleUpThenDownThenEditReplicas() throws IOException {
        String ns = "deploy-scale";
        rolledOutWeb(ns, 3);

        assertEquals("deployment.apps/web scaled\n", kubectl.run("scale", "deployment/web", "--replicas=5", "-n", ns).ok().stdout());
        awaitWebPods(ns, 5);
        assertEquals("deployment.apps/web scaled\n", kubectl.run("scale", "deployment/web", "--replicas=4", "-n", ns).ok().stdout());
        awaitWebPods(ns, 4);

        Path editor = script("set-replicas-2.sh", "sed -i 's/^  replicas: 4$/  replicas: 2/' \"$1\"");
        Kubectl.Result edited = kubectl.runWithInput(null, Map.of("KUBE_EDITOR", editor.toString()),
                "edit", "deployment/web", "-n", ns).ok();
        assertEquals("deployment.apps/web edited\n", edited.stdout());
        assertEquals(2, kubectl.getJson("deployment", "web", "-n", ns).path("spec").path("replicas").asInt());
        awaitWebPods(ns, 2);
        assertRolledOut(ns);
        String row = kubectl.run("get", "deployment", "web", "-n", ns).ok().firstRow();
        assertTrue(row.matches("web\\s+2/2\\s+2\\s+2\\s+\\d+s"), row);
    }

    @Test
    void setImageRollsOutAndUndoToRevisionOneRestoresTheImage() {
        String ns = "deploy-rollout";
        rolledOutWeb(ns, 3);
        String firstRs = replicaSets(ns).path(0).path("metadata").path("name").asText();
        kubectl.run("annotate", "deployment/web", "kubernetes.io/change-cause=create web with nginx:1.25", "-n", ns).ok();

        assertEquals("deployment.apps/web image updated\n",
                kubectl.run("set", "image", "deployment/web", "nginx=nginx:1.26", "-n", ns).ok().stdout());
        kubectl.run("annotate", "deployment/web", "kubernetes.io/change-cause=upgrade to nginx:1.26", "--overwrite",
                "-n", ns).ok();
        assertRolledOut(ns);
        assertEquals(Set.of("nginx:1.26"), awaitWebPods(ns, 3).images());
        assertEquals(2, replicaSets(ns).size());

        awaitHistory(ns, """
                deployment.apps/web\s
                REVISION  CHANGE-CAUSE
                1         create web with nginx:1.25
                2         upgrade to nginx:1.26

                """);

        assertEquals("deployment.apps/web rolled back\n",
                kubectl.run("rollout", "undo", "deployment/web", "--to-revision=1", "-n", ns).ok().stdout());
        assertRolledOut(ns);
        JsonNode deployment = kubectl.getJson("deployment", "web", "-n", ns);
        assertEquals("nginx:1.25", deployment.path("spec").path("template").path("spec").path("containers").path(0)
                .path("image").asText());
        PodList restored = awaitWebPods(ns, 3);
        assertEquals(Set.of("nginx:1.25"), restored.images());
        assertEquals(Set.of("ReplicaSet/" + firstRs), restored.owners(), "undo scales the first ReplicaSet back up");
        assertEquals(2, replicaSets(ns).size());
        // revision 1 becomes revision 3, and takes its change-cause back onto the deployment
        awaitHistory(ns, """
                deployment.apps/web\s
                REVISION  CHANGE-CAUSE
                2         upgrade to nginx:1.26
                3         create web with nginx:1.25

                """);
    }

    private static void awaitHistory(String ns, String expected) {
        String history = Await.until("rollout history of web in " + ns, TIMEOUT,
                () -> kubectl.run("rollout", "history", "deployment/web", "-n", ns).ok().stdout(), expected::equals);
        assertEquals(expected, history);
    }

    @Test
    void pausedDeploymentWaitsForResumeAndRestartCreatesANewReplicaSet() {
        String ns = "deploy-pause";
        rolledOutWeb(ns, 2);

        assertEquals("deployment.apps/web paused\n", kubectl.run("rollout", "pause", "deployment/web", "-n", ns).ok().stdout());
        kubectl.run("set", "image", "deployment/web", "nginx=nginx:1.26", "-n", ns).ok();
        JsonNode paused = Await.until("web reports it is paused", TIMEOUT,
                () -> kubectl.getJson("deployment", "web", "-n", ns),
                d -> d.path("status").path("observedGeneration").asLong() == d.path("metadata").path("generation").asLong()
                        && "DeploymentPaused".equals(Conditions.of(d, "Progressing").path("reason").asText()));
        assertEquals("Unknown", Conditions.of(paused, "Progressing").path("status").asText());
        assertEquals(1, replicaSets(ns).size(), "a paused deployment creates no ReplicaSet for its new template");
        assertEquals(Set.of("nginx:1.25"), awaitWebPods(ns, 2).images());

        assertEquals("deployment.apps/web resumed\n", kubectl.run("rollout", "resume", "deployment/web", "-n", ns).ok().stdout());
        assertRolledOut(ns);
        assertEquals(Set.of("nginx:1.26"), awaitWebPods(ns, 2).images());
        assertEquals(2, replicaSets(ns).size());

        Set<String> before = replicaSetNames(ns);
        assertEquals("deployment.apps/web restarted\n",
                kubectl.run("rollout", "restart", "deployment/web", "-n", ns).ok().stdout());
        assertRolledOut(ns);
        Set<String> added = replicaSetNames(ns);
        added.removeAll(before);
        assertEquals(1, added.size(), () -> "restart must create one new ReplicaSet, have " + replicaSetNames(ns));
        String restartedRs = added.iterator().next();
        JsonNode rs = kubectl.getJson("replicaset", restartedRs, "-n", ns);
        assertTrue(rs.path("spec").path("template").path("metadata").path("annotations")
                .has("kubectl.kubernetes.io/restartedAt"), rs::toString);
        assertEquals(Set.of("ReplicaSet/" + restartedRs), awaitWebPods(ns, 2).owners());
    }

    private static Set<String> replicaSetNames(String ns) {
        Set<String> names = new HashSet<>();
        replicaSets(ns).forEach(rs -> names.add(rs.path("metadata").path("name").asText()));
        return names;
    }


    @Test
    void recreateStopsEveryOldPodBeforeStartingNewOnes() {
        String ns = "deploy-recreate";
        kubectl.run("create", "namespace", ns).ok();
        kubectl.runWithInput("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  strategy: {type: Recreate}
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: nginx, image: "nginx:1.25"}]
                """, "apply", "-n", ns, "-f", "-").ok();
        assertRolledOut(ns);
        List<String> oldPods = awaitWebPods(ns, 3).names();

        try (StreamingKubectl watch = kubectl.stream("get", "pods", "-n", ns, "-w", "--output-watch-events")) {
            int seen = 0;
            for (String pod : oldPods) {
                seen = Math.max(seen, watch.awaitLine(0, l -> l.startsWith("ADDED ") && l.contains(" " + pod + " "), TIMEOUT));
            }
            kubectl.run("set", "image", "deployment/web", "nginx=nginx:1.26", "-n", ns).ok();
            assertRolledOut(ns);
            assertEquals(Set.of("nginx:1.26"), awaitWebPods(ns, 3).images());
            int firstNew = watch.awaitLine(seen, l -> l.startsWith("ADDED ") && oldPods.stream().noneMatch(
                    pod -> l.contains(" " + pod + " ")), TIMEOUT);

            // every old pod must have finished (terminal phase) or be gone before the first new pod exists
            List<String> lines = watch.lines();
            Set<String> finished = new HashSet<>();
            for (String line : lines.subList(0, firstNew)) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && oldPods.contains(columns[1])
                        && (columns[0].equals("DELETED") || Set.of("Completed", "Error").contains(columns[3]))) {
                    finished.add(columns[1]);
                }
            }
            assertEquals(Set.copyOf(oldPods), finished, () -> "old pods still running when the first new pod was created:\n"
                    + String.join("\n", lines));
        }
    }

    @Test
    void describeShowsScalingReplicaSetEvents() {
        String ns = "deploy-describe";
        rolledOutWeb(ns, 3);
        kubectl.run("scale", "deployment/web", "--replicas=5", "-n", ns).ok();
        awaitWebPods(ns, 5);
        String rs = replicaSets(ns).path(0).path("metadata").path("name").asText();

        Pattern scaledUpTo3 = scalingEvent("Scaled up replica set " + rs + " to 3 from 0");
        Pattern scaledUpTo5 = scalingEvent("Scaled up replica set " + rs + " to 5 from 3");
        String described = Await.until("ScalingReplicaSet events in describe", TIMEOUT,
                () -> kubectl.run("describe", "deployment", "web", "-n", ns).ok().stdout(),
                text -> scaledUpTo3.matcher(text).find() && scaledUpTo5.matcher(text).find());
        assertTrue(described.contains("Replicas:               5 desired | 5 updated | 5 total | 5 available | 0 unavailable"),
                described);
        assertTrue(described.contains("NewReplicaSet:   " + rs + " (5/5 replicas created)"), described);
    }

    /** An event row of {@code describe}: type, reason, age, source, then the message. */
    private static Pattern scalingEvent(String message) {
        return Pattern.compile("Normal\\s+ScalingReplicaSet\\s+\\S+\\s+\\S+\\s+" + Pattern.quote(message) + "$",
                Pattern.MULTILINE);
    }

    private static Path script(String name, String line) throws IOException {
        Path file = cluster.dataDir().resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + line + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
