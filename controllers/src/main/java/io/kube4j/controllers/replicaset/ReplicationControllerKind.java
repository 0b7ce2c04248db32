package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ReplicationControllerCondition;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.util.List;
import java.util.Map;

/**
 * core/v1 ReplicationControllers, converted to and from ReplicaSets: the equality selector map
 * becomes matchLabels (the template's labels when the selector is empty, as the API defaults it).
 */
public final class ReplicationControllerKind implements ReplicatedKind<ReplicationController> {
    @Override
    public Class<ReplicationController> type() {
        return ReplicationController.class;
    }

    @Override
    public String controllerName() {
        return "replication-controller";
    }

    @Override
    public ReplicaSet asReplicaSet(ReplicationController rc) {
        Map<String, String> selector = rc.getSpec().getSelector();
        if ((selector == null || selector.isEmpty()) && rc.getSpec().getTemplate() != null
                && rc.getSpec().getTemplate().getMetadata() != null) {
            selector = rc.getSpec().getTemplate().getMetadata().getLabels();
        }
        ReplicationControllerStatus status = rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
        return new ReplicaSetBuilder()
                .withMetadata(rc.getMetadata())
                .withNewSpec()
                .withReplicas(rc.getSpec().getReplicas())
                .withMinReadySeconds(rc.getSpec().getMinReadySeconds())
                .withSelector(new LabelSelector(null, selector))
                .withTemplate(rc.getSpec().getTemplate())
                .endSpec()
                .withStatus(new ReplicaSetStatusBuilder()
                        .withReplicas(status.getReplicas())
                        .withFullyLabeledReplicas(status.getFullyLabeledReplicas())
                        .withReadyReplicas(status.getReadyReplicas())
                        .withAvailableReplicas(status.getAvailableReplicas())
                        .withObservedGeneration(status.getObservedGeneration())
                        .withConditions(status.getConditions() == null ? null : status.getConditions().stream()
                                .map(c -> new ReplicaSetCondition(c.getLastTransitionTime(), c.getMessage(), c.getReason(),
                                        c.getStatus(), c.getType()))
                                .toList())
                        .build())
                .build();
    }

    @Override
    public ReplicationController withStatus(ReplicationController rc, ReplicaSetStatus status) {
        List<ReplicationControllerCondition> conditions = status.getConditions() == null ? null
                : status.getConditions().stream()
                .map(c -> new ReplicationControllerCondition(c.getLastTransitionTime(), c.getMessage(), c.getReason(),
                        c.getStatus(), c.getType()))
                .toList();
        return new ReplicationControllerBuilder(rc)
                .withStatus(new ReplicationControllerStatusBuilder()
                        .withReplicas(status.getReplicas())
                        .withFullyLabeledReplicas(status.getFullyLabeledReplicas())
                        .withReadyReplicas(status.getReadyReplicas())
                        .withAvailableReplicas(status.getAvailableReplicas())
                        .withObservedGeneration(status.getObservedGeneration())
                        .withConditions(conditions)
                        .build())
                .build();
    }
}
