package io.kube4j.bench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Fed by a pod watch: how many pods exist now and how many were ever created. */
final class PodCensus implements ResumingWatch.Handler {
    private final Set<String> live = new HashSet<>();
    private final AtomicInteger liveCount = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();

    /** Called by the one watch thread. */
    @Override
    public void onEvent(String type, JsonNode pod) {
        String name = pod.path("metadata").path("name").asText();
        if (type.equals("DELETED")) {
            if (live.remove(name)) {
                liveCount.decrementAndGet();
            }
        } else if (live.add(name)) {
            liveCount.incrementAndGet();
            created.incrementAndGet();
        }
    }

    int live() {
        return liveCount.get();
    }

    int created() {
        return created.get();
    }
}
