package io.kube4j.bench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fed by a pod watch: when each of the pods {@code prefix-000000 … prefix-(count-1)} was first
 * seen bound (an event with spec.nodeName) and first seen Running, on this process's clock.
 */
final class PodProgress implements ResumingWatch.Handler {
    private final String prefix;
    private final long[] boundAt;
    private final long[] runningAt;
    private final AtomicInteger bound = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    PodProgress(String prefix, int count) {
        this.prefix = prefix + "-";
        this.boundAt = new long[count];
        this.runningAt = new long[count];
    }

    /** Called by the one watch thread. */
    @Override
    public void onEvent(String type, JsonNode pod) {
        if (type.equals("DELETED")) {
            return;
        }
        long now = System.nanoTime();
        String name = pod.path("metadata").path("name").asText();
        if (!name.startsWith(prefix)) {
            return;
        }
        int index = Integer.parseInt(name.substring(prefix.length()));
        if (boundAt[index] == 0 && !pod.path("spec").path("nodeName").asText().isEmpty()) {
            boundAt[index] = now;
            bound.incrementAndGet();
        }
        if (runningAt[index] == 0 && pod.path("status").path("phase").asText().equals("Running")) {
            runningAt[index] = now;
            running.incrementAndGet();
        }
    }

    int bound() {
        return bound.get();
    }

    int running() {
        return running.get();
    }

    int count() {
        return boundAt.length;
    }

    /** When each pod was bound; read it once {@link #bound()} reached the count (the counter publishes the array). */
    long[] boundAt() {
        return boundAt.clone();
    }

    long[] runningAt() {
        return runningAt.clone();
    }

    String state() {
        return "%,d of %,d pods bound, %,d Running".formatted(bound(), count(), running());
    }
}
