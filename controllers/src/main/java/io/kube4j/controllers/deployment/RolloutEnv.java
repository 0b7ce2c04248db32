package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.ObjectWriter;
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
     * Writes the status, computed from the ReplicaSets; after a conflict it goes onto the current
     * object (a newer spec shows as observedGeneration lagging behind).
     */
    void updateStatus(Deployment d) {
        adoptVersion(d, writer.updateStatusOnLatest(d, latest -> {
            d.getMetadata().setResourceVersion(latest.getMetadata().getResourceVersion());
            return d;
        }));
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
