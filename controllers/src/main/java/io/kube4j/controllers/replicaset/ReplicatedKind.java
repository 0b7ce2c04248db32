package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;

/**
 * A kind the replica controller serves. As upstream treats ReplicationController as an older
 * version of ReplicaSet, the controller reasons about a ReplicaSet view of each object and writes
 * the status back in the object's own terms.
 */
public interface ReplicatedKind<T extends HasMetadata> {
    Class<T> type();

    /** The component name used for the controller and its log lines. */
    String controllerName();

    /** {@code obj} as a ReplicaSet: same metadata, spec and status. */
    ReplicaSet asReplicaSet(T obj);

    /** A copy of {@code obj} carrying {@code status}. */
    T withStatus(T obj, ReplicaSetStatus status);
}
