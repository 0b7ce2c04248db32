package io.kube4j.controllers.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;

/**
 * The resources the garbage collector watches: their objects are collected when their owners are
 * gone, and they are found as dependents of owners being deleted. Owners of other kinds are
 * still recognised (looked up through the API); add a type here to collect its objects too.
 */
public final class GcResources {
    public static final List<Class<? extends HasMetadata>> DEFAULT = List.of(
            Pod.class, ReplicaSet.class, ReplicationController.class, Deployment.class, StatefulSet.class,
            DaemonSet.class, Job.class, CronJob.class, ControllerRevision.class, EndpointSlice.class, Service.class,
            PersistentVolumeClaim.class);

    private GcResources() {
    }
}
