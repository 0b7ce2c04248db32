package io.kube4j.store;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A watch listener that queues what it receives, for tests to take with a timeout. */
public final class EventCollector implements Consumer<WatchEvent> {

    private static final long TIMEOUT_SECONDS = 20;

    private final LinkedBlockingQueue<WatchEvent> received = new LinkedBlockingQueue<>();

    @Override
    public void accept(WatchEvent event) {
        received.add(event);
    }

    /** The next {@code count} events, failing if they do not all arrive in time. */
    public List<WatchEvent> take(int count) {
        List<WatchEvent> events = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                WatchEvent event = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (event == null) {
                    fail("expected " + count + " events, got " + events.size() + ": " + events);
                }
                events.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for events");
        }
        return events;
    }

    /** Events up to and including the one at {@code revision}, failing if it does not arrive in time. */
    public List<WatchEvent> takeThrough(long revision) {
        List<WatchEvent> events = new ArrayList<>();
        while (events.isEmpty() || events.getLast().revision() < revision) {
            events.addAll(take(1));
        }
        return events;
    }

    /** Fails if any event arrives within {@code millis}. */
    public void assertNothingWithin(long millis) {
        try {
            assertNull(received.poll(millis, TimeUnit.MILLISECONDS), "unexpected event");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for events");
        }
    }
}
