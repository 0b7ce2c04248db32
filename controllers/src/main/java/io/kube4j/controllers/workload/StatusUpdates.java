package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.function.UnaryOperator;

/**
 * Status writes of controllers whose status is computed afresh from their pods each sync: if the
 * cached copy was stale (often after the controller's own last write), the status is written again
 * on the latest version instead of failing the sync.
 */
public final class StatusUpdates {
    private static final int CONFLICT = 409;

    private StatusUpdates() {
    }

    /** Writes {@code withStatus(cached)}; on a conflict, {@code withStatus(latest)} once more. */
    public static <T extends HasMetadata> T update(NonNamespaceOperation<T, ?, ? extends Resource<T>> api, T cached,
                                                   UnaryOperator<T> withStatus) {
        try {
            return api.resource(withStatus.apply(cached)).updateStatus();
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw e;
            }
            T latest = api.withName(cached.getMetadata().getName()).get();
            return latest == null ? null : api.resource(withStatus.apply(latest)).updateStatus();
        }
    }
}
