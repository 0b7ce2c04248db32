package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The writes these controllers make through the API. Failures are KubernetesClientExceptions
 * carrying the server's code (404 when the object is gone, 409 on conflicts). Tests substitute a
 * recording fake.
 */
public interface ObjectWriter {
    /** POST; returns the object as stored (a generated name filled in). */
    <T extends HasMetadata> T create(T obj);

    /** PUT of the object (not its status) at its resourceVersion. */
    <T extends HasMetadata> T update(T obj);

    /** PUT of the status subresource at the object's resourceVersion. */
    <T extends HasMetadata> T updateStatus(T obj);

    /** DELETE with a uid precondition and the given propagation policy (Background, Foreground, Orphan). */
    void delete(HasMetadata obj, String propagationPolicy);

    /** Replaces the object's ownerReferences, provided its uid is still the cached one. */
    void writeOwners(HasMetadata obj, List<OwnerReference> owners);

    /** Removes one finalizer, provided the finalizers are still the cached ones. */
    void removeFinalizer(HasMetadata obj, String finalizer);

    /** The object as the server has it now, or null when it is gone. */
    <T extends HasMetadata> T fresh(T obj);

    /**
     * Writes the status {@code withStatus} puts on {@code cached}, for controllers that compute
     * status afresh each sync: on a conflict (a cache behind the server, often behind the
     * controller's own last write) the same status goes once more onto the latest object instead of
     * failing the sync. Returns the stored object, or null when it is gone.
     */
    default <T extends HasMetadata> T updateStatusOnLatest(T cached, UnaryOperator<T> withStatus) {
        try {
            return updateStatus(withStatus.apply(cached));
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            T latest = fresh(cached);
            return latest == null ? null : updateStatus(withStatus.apply(latest));
        }
    }
}
