package io.kube4j.controllers.replicaset;

import static io.kube4j.controllers.testing.Fixtures.APP_WEB;
import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodDeletionOrderTest {
    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    private static List<String> order(List<Pod> pods, List<Pod> related) {
        return PodDeletionOrder.firstToDelete(pods, related, pods.size() - 1, NOW).stream()
                .map(p -> p.getMetadata().getName()).toList();
    }

    @Test
    void pendingBeforeUnknownBeforeRunning() {
        Pod running = running(pod("running", APP_WEB, null), "n", null);
        Pod unknown = running(pod("unknown", APP_WEB, null), "n", null);
        unknown.getStatus().setPhase("Unknown");
        Pod pending = pod("pending", APP_WEB, null);
        pending.getSpec().setNodeName("n");
        Pod last = running(pod("last", APP_WEB, null), "n", "2030-01-01T00:00:00Z");

        assertEquals(List.of("pending", "unknown", "running"), order(List.of(last, running, unknown, pending), List.of()));
    }

    @Test
    void lowerDeletionCostFirstThenCrowdedNodesFirst() {
        Pod cheap = running(pod("cheap", APP_WEB, null), "quiet", "2030-01-01T00:00:00Z");
        cheap.getMetadata().setAnnotations(Map.of(PodDeletionOrder.DELETION_COST_ANNOTATION, "-10"));
        Pod crowded = running(pod("crowded", APP_WEB, null), "busy", "2030-01-01T00:00:00Z");
        Pod quiet = running(pod("quiet", APP_WEB, null), "quiet", "2030-01-01T00:00:00Z");
        List<Pod> related = List.of(crowded, running(pod("neighbour", APP_WEB, null), "busy", null), quiet);

        assertEquals(List.of("cheap", "crowded"), order(List.of(quiet, crowded, cheap), related));
    }

    @Test
    void recentlyReadyFirstThenMoreRestartsThenNewer() {
        Pod readyLong = running(pod("ready-long", APP_WEB, null), "n", "2030-01-01T00:00:00Z");
        Pod readyRecently = running(pod("ready-recently", APP_WEB, null), "n", "2030-01-01T23:59:00Z");

        assertEquals(List.of("ready-recently"), order(List.of(readyLong, readyRecently), List.of()));

        Pod restarted = pod("restarted", APP_WEB, null);
        restarted.getStatus().setContainerStatuses(List.of(
                new io.fabric8.kubernetes.api.model.ContainerStatusBuilder().withName("web").withRestartCount(4).build()));
        Pod newer = pod("newer", APP_WEB, null);
        newer.getMetadata().setCreationTimestamp("2030-01-01T20:00:00Z");
        Pod older = pod("older", APP_WEB, null);
        older.getMetadata().setCreationTimestamp("2029-01-01T00:00:00Z");

        assertEquals(List.of("restarted", "newer"), order(List.of(older, newer, restarted), List.of()));
    }
}
