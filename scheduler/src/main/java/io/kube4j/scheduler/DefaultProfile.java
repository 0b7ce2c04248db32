package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.NamespaceLabels;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.plugins.DefaultBinder;
import io.kube4j.scheduler.plugins.InterPodAffinity;
import io.kube4j.scheduler.plugins.NodeAffinity;
import io.kube4j.scheduler.plugins.NodeName;
import io.kube4j.scheduler.plugins.NodePorts;
import io.kube4j.scheduler.plugins.NodeResourcesBalancedAllocation;
import io.kube4j.scheduler.plugins.NodeResourcesFit;
import io.kube4j.scheduler.plugins.NodeUnschedulable;
import io.kube4j.scheduler.plugins.PodTopologySpread;
import io.kube4j.scheduler.plugins.StorageObjects;
import io.kube4j.scheduler.plugins.TaintToleration;
import io.kube4j.scheduler.plugins.VolumeBinding;
import io.kube4j.scheduler.preemption.DefaultPreemption;
import java.util.List;
import java.util.function.Supplier;

/**
 * The default-scheduler profile: upstream's default plugins in upstream's order (the first
 * failing filter names a node's rejection) with upstream's default score weights.
 */
final class DefaultProfile {
    private DefaultProfile() {
    }

    static Framework create(Nominator nominator, ApiWrites writes, Supplier<List<PodDisruptionBudget>> pdbs,
                            StorageObjects storage, NamespaceLabels namespaces) {
        return new Framework(nominator)
                .add(new NodeUnschedulable())
                .add(new NodeName())
                .add(new TaintToleration(), 3)
                .add(new NodeAffinity(), 2)
                .add(new NodePorts())
                .add(new NodeResourcesFit(), 1)
                .add(new VolumeBinding(storage, writes::selectNode))
                .add(new PodTopologySpread(), 2)
                .add(new InterPodAffinity(namespaces), 2)
                .add(new DefaultPreemption(pdbs))
                .add(new NodeResourcesBalancedAllocation(), 1)
                .add(new DefaultBinder(writes::bind));
    }
}
