package io.kube4j.controllers.podautoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Where the autoscaler reads pods' resource usage (upstream: the metrics.k8s.io resource metrics API). */
public interface PodMetricsSource {

    /** One pod's usage, summed over its containers, measured over {@code window} ending at {@code timestamp}. */
    record PodUsage(Instant timestamp, Duration window, long cpuMillis, long memoryBytes) {
    }

    /** Failure to read metrics; the message says why, as upstream's errors do. */
    final class MetricsUnavailableException extends Exception {
        public MetricsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Usage of the pods of {@code namespace} by pod name; pods without metrics are absent. */
    Map<String, PodUsage> podUsage(String namespace) throws MetricsUnavailableException;
}
