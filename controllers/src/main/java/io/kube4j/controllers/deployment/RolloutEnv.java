package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.replicaset.EventSink;
import io.kube4j.controllers.replicaset.ObjectWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * What the rollout steps act through: API writes, events, the clock, and a way to look at a
 * deployment again later (progress deadlines). Writes keep the caller's copy at the stored
 * resourceVersion so that one sync can write the same object more than once.
 */
record RolloutEnv(ObjectWriter writer, EventSink events, Clock clock, BiConsumer<Deployment, Duration> requeueAfter) {

    Instant now() {
        return clock.instant();
    }

    <T extends HasMetadata> void update(T obj) {
        adoptVersion(obj, writer.update(obj));
    }

    /**
     * Writes the status. A conflict usually means only that the cache lags behind this
     * controller's own last write; the status, computed from the ReplicaSets, then goes once more
     * onto the current object (a newer spec shows as observedGeneration lagging behind).
     */
    void updateStatus(Deployment d) {
        try {
            adoptVersion(d, writer.updateStatus(d));
        } catch (KubernetesClientException e) {
            Deployment current = e.getCode() == 409 ? writer.fresh(d) : null;
            if (current == null) {
                throw e;
            }
            d.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            adoptVersion(d, writer.updateStatus(d));
        }
    }

    /**
     * Writes a deployment whose revision annotation and/or status changed: the annotation through
     * the object, the status through its subresource.
     */
    void updateRevisionAndStatus(Deployment d, boolean revisionChanged, boolean statusChanged) {
        if (revisionChanged) {
            update(d);
        }
        if (statusChanged) {
            updateStatus(d);
        }
    }

    private static void adoptVersion(HasMetadata local, HasMetadata saved) {
        if (saved != null && saved.getMetadata() != null) {
            local.getMetadata().setResourceVersion(saved.getMetadata().getResourceVersion());
        }
    }
}
