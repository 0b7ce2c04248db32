package io.kube4j.controllers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.deployment.DeploymentController;
import io.kube4j.controllers.gc.GarbageCollector;
import io.kube4j.controllers.gc.GcResources;
import io.kube4j.controllers.replicaset.ReplicaSetController;
import io.kube4j.controllers.cronjob.CronJobController;
import io.kube4j.controllers.daemonset.DaemonSetController;
import io.kube4j.controllers.job.JobController;
import io.kube4j.controllers.statefulset.StatefulSetController;
import io.kube4j.controllers.ttl.TtlAfterFinishedController;
import io.kube4j.controllers.disruption.DisruptionController;
import io.kube4j.controllers.endpoints.EndpointSliceController;
import io.kube4j.controllers.endpoints.EndpointsController;
import io.kube4j.controllers.nodelifecycle.NodeLifecycleController;
import io.kube4j.controllers.nodelifecycle.TaintEvictionController;
import io.kube4j.controllers.podautoscaler.HorizontalPodAutoscalerController;
import io.kube4j.controllers.quota.ResourceQuotaController;
import io.kube4j.controllers.serviceaccount.ServiceAccountController;
import io.kube4j.controllers.volume.DefaultStorageClassController;
import io.kube4j.controllers.volume.LocalPathProvisioner;
import io.kube4j.controllers.volume.PersistentVolumeController;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cluster's control loops (like kube-controller-manager): builds every controller on one
 * shared informer factory, starts the informers, waits for their caches, then starts the workers.
 */
public final class ControllerManager implements AutoCloseable {
    public static final String COMPONENT = "kube4j-controller-manager";

    private final ControllerContext context;
    private final List<Controller> controllers = new ArrayList<>();

    private ControllerManager(ControllerContext context) {
        this.context = context;
    }

    public static ControllerManager start(KubernetesClient client) throws Exception {
        ControllerManager manager = new ControllerManager(ControllerContext.of(client, COMPONENT));
        manager.controllers.addAll(allControllers(manager.context));
        manager.context.informers().startAllRegisteredInformers().get(60, TimeUnit.SECONDS);
        manager.controllers.forEach(Controller::start);
        return manager;
    }

    /** Every controller, each registering its informer handlers in its constructor. */
    private static List<Controller> allControllers(ControllerContext context) {
        return List.of(
                ReplicaSetController.forReplicaSets(context),
                ReplicaSetController.forReplicationControllers(context),
                DeploymentController.create(context),
                GarbageCollector.create(context, GcResources.DEFAULT),
                new StatefulSetController(context),
                new DaemonSetController(context),
                new JobController(context),
                new CronJobController(context),
                new TtlAfterFinishedController(context),
                new EndpointsController(context),
                new EndpointSliceController(context),
                new NodeLifecycleController(context),
                new TaintEvictionController(context),
                new ServiceAccountController(context),
                new DefaultStorageClassController(context),
                new PersistentVolumeController(context),
                new LocalPathProvisioner(context),
                new ResourceQuotaController(context),
                new DisruptionController(context),
                new HorizontalPodAutoscalerController(context)
        );
    }

    public List<Controller> controllers() {
        return List.copyOf(controllers);
    }

    @Override
    public void close() {
        controllers.forEach(Controller::close);
        context.informers().stopAllRegisteredInformers();
    }
}
