package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.controllers.EventRecorder;

/** Where a controller's events go: the cluster's Events in production, a list in tests. */
@FunctionalInterface
public interface EventSink {
    void record(HasMetadata about, String type, String reason, String message);

    default void normal(HasMetadata about, String reason, String message) {
        record(about, "Normal", reason, message);
    }

    default void warning(HasMetadata about, String reason, String message) {
        record(about, "Warning", reason, message);
    }

    static EventSink of(EventRecorder recorder) {
        return (about, type, reason, message) -> {
            if (type.equals("Warning")) {
                recorder.warning(about, reason, message);
            } else {
                recorder.normal(about, reason, message);
            }
        };
    }
}
