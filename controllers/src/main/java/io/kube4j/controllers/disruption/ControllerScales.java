package io.kube4j.controllers.disruption;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Owners;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The replicas the controllers of a set of pods ask for, each controller counted once, as upstream's
 * finders: ReplicationController, ReplicaSet (or the Deployment owning it) and StatefulSet.
 */
final class ControllerScales {
    private final SharedIndexInformer<ReplicationController> rcs;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<StatefulSet> statefulSets;

    ControllerScales(SharedIndexInformer<ReplicationController> rcs, SharedIndexInformer<ReplicaSet> replicaSets,
                     SharedIndexInformer<Deployment> deployments, SharedIndexInformer<StatefulSet> statefulSets) {
        this.rcs = rcs;
        this.replicaSets = replicaSets;
        this.deployments = deployments;
        this.statefulSets = statefulSets;
    }

    /** A failure to find a pod's scale; the message is what upstream reports. */
    static final class ScaleException extends Exception {
        ScaleException(String message) {
            super(message);
        }
    }

    int sum(Collection<Pod> pods) throws ScaleException {
        Map<String, Integer> byController = new HashMap<>();
        for (Pod pod : pods) {
            OwnerReference ref = Owners.controllerOf(pod);
            if (ref == null) {
                throw new ScaleException("found no controller ref for pod \"" + pod.getMetadata().getName() + "\"");
            }
            String ns = pod.getMetadata().getNamespace();
            Scale scale = scaleOf(ns, ref);
            if (scale == null) {
                throw new ScaleException("found no controllers for pod \"" + pod.getMetadata().getName() + "\"");
            }
            byController.put(scale.uid, scale.replicas);
        }
        return byController.values().stream().mapToInt(Integer::intValue).sum();
    }

    private record Scale(String uid, int replicas) {
    }

    private Scale scaleOf(String ns, OwnerReference ref) {
        String key = ns + "/" + ref.getName();
        switch (ref.getKind()) {
            case "ReplicationController" -> {
                ReplicationController rc = rcs.getStore().getByKey(key);
                return rc == null || !ref.getUid().equals(rc.getMetadata().getUid()) ? null
                        : new Scale(rc.getMetadata().getUid(), replicas(rc.getSpec().getReplicas()));
            }
            case "ReplicaSet" -> {
                ReplicaSet rs = replicaSets.getStore().getByKey(key);
                if (rs == null || !ref.getUid().equals(rs.getMetadata().getUid())) {
                    return null;
                }
                OwnerReference owner = Owners.controllerOf(rs);
                if (owner != null && "Deployment".equals(owner.getKind())) {
                    Deployment d = deployments.getStore().getByKey(ns + "/" + owner.getName());
                    return d == null || !owner.getUid().equals(d.getMetadata().getUid()) ? null
                            : new Scale(d.getMetadata().getUid(), replicas(d.getSpec().getReplicas()));
                }
                return new Scale(rs.getMetadata().getUid(), replicas(rs.getSpec().getReplicas()));
            }
            case "StatefulSet" -> {
                StatefulSet sts = statefulSets.getStore().getByKey(key);
                return sts == null || !ref.getUid().equals(sts.getMetadata().getUid()) ? null
                        : new Scale(sts.getMetadata().getUid(), replicas(sts.getSpec().getReplicas()));
            }
            default -> {
                return null;
            }
        }
    }

    private static int replicas(Integer replicas) {
        return Objects.requireNonNullElse(replicas, 1);
    }
}
