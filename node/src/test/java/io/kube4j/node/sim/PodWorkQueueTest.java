package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PodWorkQueueTest {
    private final PodWorkQueue queue = new PodWorkQueue();

    @Test
    void aPodQueuedManyTimesBeforeItIsTakenIsTakenOnce() throws Exception {
        for (int i = 0; i < 1000; i++) {
            queue.add("sim-0", "default/web");
        }
        queue.add("sim-0", "default/db");
        assertEquals(2, queue.size());
        assertEquals("default/web", queue.take());
        assertEquals("default/db", queue.take());
        assertEquals(0, queue.size());
    }

    @Test
    void nodesAreServedInTurnOnePodEach() throws Exception {
        for (int i = 0; i < 3; i++) {
            queue.add("busy", "default/busy-" + i);
        }
        queue.add("quiet", "default/quiet-0");
        queue.add("other", "default/other-0");
        assertEquals(List.of("default/busy-0", "default/quiet-0", "default/other-0", "default/busy-1", "default/busy-2"),
                takeAll());
    }

    @Test
    void aDeletedPodIsDroppedFromTheQueue() throws Exception {
        queue.add("sim-0", "default/gone");
        queue.add("sim-1", "default/kept");
        queue.remove("sim-0", "default/gone");
        assertEquals(1, queue.size());
        assertEquals(List.of("default/kept"), takeAll());
        queue.add("sim-0", "default/again");
        assertEquals(List.of("default/again"), takeAll());
    }

    @Test
    void aPodAddedWhileBeingProcessedWaitsUntilItsWorkerIsDone() throws Exception {
        queue.add("sim-0", "default/web");
        String taken = queue.take();
        queue.add("sim-0", "default/web");
        queue.add("sim-0", "default/web");
        assertEquals(0, queue.size(), "not handed to a second worker while the first processes it");
        queue.done(taken);
        assertEquals(List.of("default/web"), takeAll());
    }

    @Test
    void aPodDeletedWhileBeingProcessedIsNotQueuedAgain() throws Exception {
        queue.add("sim-0", "default/web");
        String taken = queue.take();
        queue.add("sim-0", "default/web");
        queue.remove("sim-0", "default/web");
        queue.done(taken);
        assertEquals(0, queue.size());
    }

    @Test
    void takeReturnsNullOnceShutDown() throws Exception {
        CompletableFuture<String> waiting = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiting.complete(queue.take());
            } catch (InterruptedException e) {
                waiting.completeExceptionally(e);
            }
        });
        queue.shutDown();
        assertNull(waiting.get(5, TimeUnit.SECONDS));
        queue.add("sim-0", "default/late");
        assertEquals(0, queue.size());
    }

    private List<String> takeAll() throws InterruptedException {
        List<String> taken = new ArrayList<>();
        while (queue.size() > 0) {
            String key = queue.take();
            taken.add(key);
            queue.done(key);
        }
        return taken;
    }
}
