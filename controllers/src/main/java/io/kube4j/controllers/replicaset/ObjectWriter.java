package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;

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
}
