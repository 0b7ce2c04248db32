package io.kube4j.controllers.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintEvictionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
    private static final Taint UNREACHABLE = new TaintBuilder().withKey(NodeTaints.UNREACHABLE).withEffect("NoExecute").build();
    private static final Taint DEDICATED = new TaintBuilder().withKey("dedicated").withValue("db").withEffect("NoExecute").build();

    private static Toleration tolerate(String key, Long seconds) {
        return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(seconds).build();
    }

    @Test
    void anUntoleratedTaintEvictsAtOnce() {
        var plan = TaintEviction.plan(List.of(tolerate(NodeTaints.UNREACHABLE, 300L)), List.of(UNREACHABLE, DEDICATED), NOW, null);
        assertEquals(NOW, plan.orElseThrow().dueAt());
    }

    @Test
    void theShortestTolerationSecondsOfTheUsedTolerationsSetTheTime() {
        List<Toleration> tolerations = List.of(tolerate(NodeTaints.UNREACHABLE, 300L), tolerate("dedicated", 60L),
                tolerate("unrelated", 1L));
        var plan = TaintEviction.plan(tolerations, List.of(UNREACHABLE, DEDICATED), NOW, null).orElseThrow();
        assertEquals(NOW.plusSeconds(60), plan.dueAt());

        var later = TaintEviction.plan(tolerations, List.of(UNREACHABLE, DEDICATED), NOW.plusSeconds(30), plan).orElseThrow();
        assertEquals(NOW.plusSeconds(60), later.dueAt(), "a planned eviction keeps its time when the pod is seen again");
    }

    @Test
    void toleratingForeverOrNoTaintsMeansStaying() {
        assertTrue(TaintEviction.plan(List.of(tolerate(NodeTaints.UNREACHABLE, null)), List.of(UNREACHABLE), NOW, null).isEmpty());
        assertTrue(TaintEviction.plan(List.of(), List.of(), NOW, null).isEmpty());
        Toleration negative = tolerate(NodeTaints.UNREACHABLE, -5L);
        assertEquals(NOW, TaintEviction.plan(List.of(negative), List.of(UNREACHABLE), NOW, null).orElseThrow().dueAt());
    }
}
