package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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

    void updateStatus(Deployment d) {
        adoptVersion(d, writer.updateStatus(d));
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
