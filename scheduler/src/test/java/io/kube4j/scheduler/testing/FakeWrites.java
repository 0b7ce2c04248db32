package io.kube4j.scheduler.testing;

import io.kube4j.scheduler.ApiWrites;
import io.kube4j.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Records the scheduler's writes; bindings succeed unless {@link #failBindings} is set. */
public final class FakeWrites implements ApiWrites {
    public record Event(String pod, String type, String reason, String message) {
    }

    public record Condition(String reason, String message, String nominatedNode) {
    }

    public final Map<String, String> bindings = new LinkedHashMap<>();
    public final List<Event> events = new ArrayList<>();
    public final Map<String, Condition> conditions = new LinkedHashMap<>();
    public final List<String> deleted = new ArrayList<>();
    /** Selected-node annotations written, by claim key {@code namespace/name}. */
    public final Map<String, String> selectedNodes = new LinkedHashMap<>();
    public volatile boolean failBindings;

    @Override
    public synchronized CompletableFuture<Void> bind(PodInfo pod, String node) {
        if (failBindings) {
            return CompletableFuture.failedFuture(new IllegalStateException("pods \"" + pod.name() + "\" not found"));
        }
        bindings.put(pod.key(), node);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> selectNode(String namespace, String claim, String node) {
        selectedNodes.put(namespace + "/" + claim, node);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void markUnschedulable(PodInfo pod, String reason, String message, String nominatedNode) {
        conditions.put(pod.key(), new Condition(reason, message, nominatedNode));
    }

    @Override
    public synchronized void deletePod(PodInfo victim) {
        deleted.add(victim.key());
    }

    @Override
    public synchronized void event(PodInfo pod, String type, String reason, String message) {
        events.add(new Event(pod.key(), type, reason, message));
    }

    public synchronized List<Event> eventsFor(String podKey, String reason) {
        return events.stream().filter(e -> e.pod.equals(podKey) && e.reason.equals(reason)).toList();
    }
}
