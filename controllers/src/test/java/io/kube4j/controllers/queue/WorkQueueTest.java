package io.kube4j.controllers.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WorkQueueTest {
    @Test
    void duplicatesCollapseUntilTaken() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        q.add("a");
        q.add("b");
        q.add("a");
        assertEquals(2, q.length());
        assertEquals("a", q.take(0));
        assertEquals("b", q.take(0));
        assertNull(q.take(0));
    }

    @Test
    void aKeyAddedWhileProcessingIsRequeuedOnlyWhenDone() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        q.add("a");
        assertEquals("a", q.take(0));
        q.add("a");
        assertNull(q.take(0), "never handed to a second worker while processing");
        q.done("a");
        assertEquals("a", q.take(0));
    }

    @Test
    void shutDownReleasesWaiters() throws Exception {
        WorkQueue<String> q = new WorkQueue<>();
        q.shutDown();
        q.add("a");
        assertNull(q.take(10_000));
    }
}
