package io.kube4j.apiserver.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * Where resource usage comes from (what metrics-server scrapes from kubelets upstream): the node
 * agents in this process report it. Empty when there is no current sample.
 */
public interface MetricsSource {
    /** A usage sample: CPU in millicores, memory in bytes. */
    record Usage(long cpuMillis, long memoryBytes, Instant timestamp) {
    }

    MetricsSource NONE = new MetricsSource() {
        @Override
        public Optional<Usage> node(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<Usage> pod(String namespace, String name) {
            return Optional.empty();
        }
    };

    Optional<Usage> node(String name);

    Optional<Usage> pod(String namespace, String name);
}
