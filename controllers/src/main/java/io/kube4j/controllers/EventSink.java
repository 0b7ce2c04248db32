package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where a controller's events go: the cluster's Events ({@link EventRecorder}) in production, a list in tests. */
@FunctionalInterface
public interface EventSink {
    /** @param type {@code Normal} or {@code Warning} */
    void record(HasMetadata about, String type, String reason, String message);

    default void normal(HasMetadata about, String reason, String message) {
        record(about, "Normal", reason, message);
    }

    default void warning(HasMetadata about, String reason, String message) {
        record(about, "Warning", reason, message);
    }

    /**
     * This sink with events reported as coming from {@code component} (their SOURCE, e.g.
     * {@code deployment-controller}). Sinks that do not report a source (test lists) return themselves.
     */
    default EventSink forComponent(String component) {
        return this;
    }
}
