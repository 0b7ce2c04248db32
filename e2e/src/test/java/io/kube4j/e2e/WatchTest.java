package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kubectl get -w}: the initial table, then one row per change, over a stream that stays open. */
class WatchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
    void watchPrintsInitialRowsThenChanges() {
        kubectl.run("create", "namespace", "watch-rows").ok();
        kubectl.run("run", "existing", "--image=nginx", "-n", "watch-rows").ok();
        try (StreamingKubectl watch = kubectl.stream("get", "pods", "-n", "watch-rows", "-w")) {
            int header = watch.awaitLine(0, l -> l.matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE"), TIMEOUT);
            int existing = watch.awaitLine(header, l -> l.startsWith("existing "), TIMEOUT);

            kubectl.run("run", "added", "--image=nginx", "-n", "watch-rows").ok();
            int added = watch.awaitLine(existing, l -> l.matches("added\\s+0/1\\s+.*\\d+s"), TIMEOUT);

            kubectl.run("label", "pod", "added", "tier=front", "-n", "watch-rows").ok();
            watch.awaitLine(added + 1, l -> l.startsWith("added "), TIMEOUT);
            assertTrue(watch.isAlive(), "kubectl get -w must keep running while the stream is open");
        }
    }

    @Test
    void watchEventsShowAddedModifiedDeleted() {
        kubectl.run("create", "namespace", "watch-events").ok();
        try (StreamingKubectl watch = kubectl.stream("get", "configmaps", "-n", "watch-events", "-w",
                "--output-watch-events")) {
            kubectl.run("create", "configmap", "settings", "--from-literal=a=1", "-n", "watch-events").ok();
            int added = watch.awaitLine(0, l -> l.matches("ADDED\\s+settings\\s+1\\s+\\d+s"), TIMEOUT);

            kubectl.run("patch", "configmap", "settings", "--type=merge", "-p", "{\"data\":{\"b\":\"2\"}}",
                    "-n", "watch-events").ok();
            int modified = watch.awaitLine(added, l -> l.matches("MODIFIED\\s+settings\\s+2\\s+\\d+s"), TIMEOUT);

            kubectl.run("delete", "configmap", "settings", "-n", "watch-events").ok();
            watch.awaitLine(modified, l -> l.matches("DELETED\\s+settings\\s+2\\s+\\d+s"), TIMEOUT);
        }
    }

    @Test
    void watchWithLabelSelectorOnlyShowsMatches() {
        kubectl.run("create", "namespace", "watch-selector").ok();
        try (StreamingKubectl watch = kubectl.stream("get", "pods", "-n", "watch-selector", "-w",
                "--output-watch-events", "-l", "app=web")) {
            kubectl.run("run", "other", "--image=nginx", "--labels=app=db", "-n", "watch-selector").ok();
            kubectl.run("run", "web", "--image=nginx", "--labels=app=web", "-n", "watch-selector").ok();
            watch.awaitLine(0, l -> l.matches("ADDED\\s+web\\s+.*"), TIMEOUT);
            assertTrue(watch.lines().stream().noneMatch(l -> l.contains("other")), watch.lines()::toString);
        }
    }
}
