package io.kube4j.controllers.statefulset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.controllers.statefulset.StatefulSetPlanner.Create;
import io.kube4j.controllers.statefulset.StatefulSetPlanner.Delete;
import io.kube4j.controllers.statefulset.StatefulSetPlanner.Plan;
import io.kube4j.controllers.statefulset.StatefulSetPlanner.Replica;
import io.kube4j.controllers.statefulset.StatefulSetPlanner.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatefulSetPlannerTest {
    private static Spec ordered(int replicas) {
        return new Spec(replicas, true, true, 0, "rev-1", "rev-1");
    }

    private static Replica healthy(int ordinal) {
        return new Replica(ordinal, "web-" + ordinal, "rev-1", false, false, true, true);
    }

    private static Replica starting(int ordinal) {
        return new Replica(ordinal, "web-" + ordinal, "rev-1", false, false, false, false);
    }

    private static List<String> describe(Plan plan) {
        return plan.actions().stream().map(a -> switch (a) {
            case Create c -> "create " + c.ordinal();
            case Delete d -> "delete " + d.pod().ordinal();
        }).toList();
    }

    @Test
    void orderedReadyCreatesOnePodAtATimeFromOrdinalZero() {
        assertEquals(List.of("create 0"), describe(StatefulSetPlanner.plan(ordered(3), List.of())));
        Plan waiting = StatefulSetPlanner.plan(ordered(3), List.of(starting(0)));
        assertEquals(List.of(), describe(waiting), "web-1 waits for web-0 to be Running and Ready");
        assertTrue(waiting.waiting());
        assertEquals(List.of("create 1"), describe(StatefulSetPlanner.plan(ordered(3), List.of(healthy(0)))));
        assertEquals(List.of("create 2"), describe(StatefulSetPlanner.plan(ordered(3), List.of(healthy(0), healthy(1)))));
    }

    @Test
    void orderedReadyFillsAGapBeforeGoingOn() {
        assertEquals(List.of("create 1"), describe(StatefulSetPlanner.plan(ordered(3), List.of(healthy(0), healthy(2)))));
    }

    @Test
    void parallelCreatesAllMissingPodsAtOnce() {
        Spec parallel = new Spec(3, false, true, 0, "rev-1", "rev-1");
        assertEquals(List.of("create 0", "create 1", "create 2"), describe(StatefulSetPlanner.plan(parallel, List.of())));
        assertEquals(List.of("delete 4", "delete 3"),
                describe(StatefulSetPlanner.plan(parallel, List.of(healthy(0), healthy(1), healthy(2), healthy(3), healthy(4)))));
    }

    @Test
    void scaleDownDeletesTheHighestOrdinalFirstOneAtATime() {
        List<Replica> five = List.of(healthy(0), healthy(1), healthy(2), healthy(3), healthy(4));
        assertEquals(List.of("delete 4"), describe(StatefulSetPlanner.plan(ordered(2), five)));
        Replica terminating = new Replica(4, "web-4", "rev-1", true, false, true, true);
        assertEquals(List.of(), describe(StatefulSetPlanner.plan(ordered(2),
                List.of(healthy(0), healthy(1), healthy(2), healthy(3), terminating))), "web-3 waits until web-4 is gone");
    }

    @Test
    void scaleDownRemovesTheHighestOrdinalEvenIfUnhealthy() {
        assertEquals(List.of("delete 3"), describe(StatefulSetPlanner.plan(ordered(2),
                List.of(healthy(0), healthy(1), starting(2), starting(3)))));
        assertEquals(List.of("delete 2"), describe(StatefulSetPlanner.plan(ordered(1),
                List.of(healthy(0), starting(1), healthy(2)))), "deletion goes from the top whatever lies below");
        assertEquals(List.of(), describe(StatefulSetPlanner.plan(ordered(1),
                List.of(starting(0), healthy(1)))), "an unhealthy kept pod blocks ordered scale-down");
    }

    @Test
    void finishedPodsAreDeletedToBeRecreated() {
        Replica failed = new Replica(1, "web-1", "rev-1", false, true, false, false);
        assertEquals(List.of("delete 1"), describe(StatefulSetPlanner.plan(ordered(3), List.of(healthy(0), failed))));
    }

    @Test
    void rollingUpdateReplacesOldPodsFromTheTopDownToThePartition() {
        Spec update = new Spec(3, true, true, 1, "rev-1", "rev-2");
        List<Replica> old = List.of(healthy(0), healthy(1), healthy(2));
        assertEquals(List.of("delete 2"), describe(StatefulSetPlanner.plan(update, old)));
        Replica updated2 = new Replica(2, "web-2", "rev-2", false, false, true, true);
        assertEquals(List.of("delete 1"), describe(StatefulSetPlanner.plan(update, List.of(healthy(0), healthy(1), updated2))));
        Replica updated1 = new Replica(1, "web-1", "rev-2", false, false, true, true);
        Plan done = StatefulSetPlanner.plan(update, List.of(healthy(0), updated1, updated2));
        assertEquals(List.of(), describe(done), "ordinal 0 is below the partition");
        assertFalse(done.waiting());
        Replica startingUpdated = new Replica(2, "web-2", "rev-2", false, false, false, false);
        assertEquals(List.of(), describe(StatefulSetPlanner.plan(update, List.of(healthy(0), healthy(1), startingUpdated))),
                "the next pod waits for the replaced one to be ready");
    }

    @Test
    void podsBelowThePartitionAreRecreatedAtTheCurrentRevision() {
        Spec update = new Spec(3, true, true, 2, "rev-1", "rev-2");
        Create create = (Create) StatefulSetPlanner.plan(update, List.of()).actions().getFirst();
        assertTrue(create.fromCurrentRevision());
        Create above = (Create) StatefulSetPlanner.plan(update, List.of(healthy(0), healthy(1))).actions().getFirst();
        assertFalse(above.fromCurrentRevision());
    }

    @Test
    void onDeleteNeverReplacesPodsItself() {
        Spec onDelete = new Spec(2, true, false, 0, "rev-1", "rev-2");
        assertEquals(List.of(), describe(StatefulSetPlanner.plan(onDelete, List.of(healthy(0), healthy(1)))));
    }

    @Test
    void ordinalsComeFromPodNames() {
        assertEquals(3, StatefulSetPods.ordinalOf("web", "web-3"));
        assertEquals(-1, StatefulSetPods.ordinalOf("web", "webx-3"));
        assertEquals(-1, StatefulSetPods.ordinalOf("web", "web-abc"));
        assertEquals(12, StatefulSetPods.ordinalOf("my-web", "my-web-12"));
    }
}
