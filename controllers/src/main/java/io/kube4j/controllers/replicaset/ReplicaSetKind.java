package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;

/** apps/v1 ReplicaSets, served as they are. */
public final class ReplicaSetKind implements ReplicatedKind<ReplicaSet> {
    @Override
    public Class<ReplicaSet> type() {
        return ReplicaSet.class;
    }

    @Override
    public String controllerName() {
        return "replicaset-controller";
    }

    @Override
    public ReplicaSet asReplicaSet(ReplicaSet obj) {
        return obj;
    }

    @Override
    public ReplicaSet withStatus(ReplicaSet obj, ReplicaSetStatus status) {
        return new ReplicaSetBuilder(obj).withStatus(status).build();
    }
}
