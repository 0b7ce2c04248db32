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
import io.kube4j.controllers.podgc.PodGcController;
import io.kube4j.controllers.podautoscaler.HorizontalPodAutoscalerController;
import io.kube4j.controllers.quota.ResourceQuotaController;
import io.kube4j.controllers.serviceaccount.ServiceAccountController;
import io.kube4j.controllers.volume.DefaultStorageClassController;
import io.kube4j.controllers.volume.LocalPathProvisioner;
import io.kube4j.controllers.volume.LocalPathSettings;
import io.kube4j.controllers.volume.PersistentVolumeController;
import java.util.ArrayList;
import java.util.List;

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
        // No deadline: the informers retry until the server answers (an overloaded server is slow, not gone).
        manager.context.informers().startAllRegisteredInformers().get();
        manager.controllers.forEach(Controller::start);
        return manager;
    }

    /**
     * Every controller, each registering its informer handlers in its constructor and reporting its
     * events under upstream's source component for it (what {@code kubectl get events} shows as SOURCE).
     */
    private static List<Controller> allControllers(ControllerContext context) {
        return List.of(
                ReplicaSetController.forReplicaSets(context.forComponent("replicaset-controller")),
                ReplicaSetController.forReplicationControllers(context.forComponent("replication-controller")),
                DeploymentController.create(context.forComponent("deployment-controller")),
                GarbageCollector.create(context.forComponent("garbage-collector-controller"), GcResources.DEFAULT),
                new StatefulSetController(context.forComponent("statefulset-controller")),
                new DaemonSetController(context.forComponent("daemonset-controller")),
                new JobController(context.forComponent("job-controller")),
                new CronJobController(context.forComponent("cronjob-controller")),
                new TtlAfterFinishedController(context.forComponent("ttl-after-finished-controller")),
                new EndpointsController(context.forComponent("endpoint-controller")),
                new EndpointSliceController(context.forComponent("endpoint-slice-controller")),
                new NodeLifecycleController(context.forComponent("node-controller")),
                new TaintEvictionController(context.forComponent("taint-eviction-controller")),
                new ServiceAccountController(context.forComponent("serviceaccount-controller")),
                new DefaultStorageClassController(context),
                new PersistentVolumeController(context.forComponent("persistentvolume-controller")),
                // An external provisioner upstream: its events come from the provisioner's name.
                new LocalPathProvisioner(context.forComponent(LocalPathSettings.PROVISIONER)),
                new ResourceQuotaController(context.forComponent("resourcequota-controller")),
                // Upstream's disruption controller still reports as the whole controller manager.
                new DisruptionController(context.forComponent("controllermanager")),
                new HorizontalPodAutoscalerController(context.forComponent("horizontal-pod-autoscaler")),
                new PodGcController(context.forComponent(PodGcController.NAME))
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
