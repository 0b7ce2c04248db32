package io.kube4j.api.resource;

import static io.kube4j.api.resource.ResourceType.builder;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;

/** The resources kube4j serves out of the box, as upstream Kubernetes 1.32 declares them. */
public final class BuiltinResources {
    private static final GroupVersionKind SCALE = new GroupVersionKind("autoscaling", "v1", "Scale");
    private static final GroupVersionKind EVICTION = new GroupVersionKind("policy", "v1", "Eviction");
    private static final GroupVersionKind BINDING = new GroupVersionKind("", "v1", "Binding");
    private static final GroupVersionKind POD_KIND = new GroupVersionKind("", "v1", "Pod");

    private BuiltinResources() {
    }

    public static List<ResourceType> all() {
        return List.of(
                // core/v1
                builder("v1", "Namespace", "namespaces").clusterScoped().shortNames("ns")
                        .verbs("create", "delete", "get", "list", "patch", "update", "watch")
                        .subresource("status", "get", "patch", "update")
                        .subresource("finalize", "update").model(Namespace.class).build(),
                builder("v1", "Pod", "pods").shortNames("po").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .subresource("binding", BINDING, "create")
                        .subresource("eviction", EVICTION, "create")
                        .subresource("log", POD_KIND, "get")
                        .subresource("exec", new GroupVersionKind("", "v1", "PodExecOptions"), "create", "get")
                        .subresource("attach", new GroupVersionKind("", "v1", "PodAttachOptions"), "create", "get")
                        .subresource("portforward", new GroupVersionKind("", "v1", "PodPortForwardOptions"), "create", "get")
                        .subresource("ephemeralcontainers", "get", "patch", "update")
                        .model(Pod.class).build(),
                builder("v1", "Binding", "bindings").verbs("create").model(Binding.class).build(),
                builder("v1", "Service", "services").shortNames("svc").inCategoryAll()
                        .subresource("status", "get", "patch", "update").model(Service.class).build(),
                builder("v1", "Endpoints", "endpoints").shortNames("ep").model(Endpoints.class).build(),
                builder("v1", "ConfigMap", "configmaps").shortNames("cm").model(ConfigMap.class).build(),
                builder("v1", "Secret", "secrets").model(Secret.class).build(),
                builder("v1", "ServiceAccount", "serviceaccounts").shortNames("sa").model(ServiceAccount.class).build(),
                builder("v1", "Node", "nodes").clusterScoped().shortNames("no")
                        .subresource("status", "get", "patch", "update")
                        .subresource("proxy", new GroupVersionKind("", "v1", "NodeProxyOptions"), "create", "delete", "get", "patch", "update")
                        .model(Node.class).build(),
                builder("v1", "Event", "events").shortNames("ev").model(io.fabric8.kubernetes.api.model.Event.class).build(),
                builder("v1", "ReplicationController", "replicationcontrollers").shortNames("rc").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .subresource("scale", SCALE, "get", "patch", "update")
                        .model(ReplicationController.class).build(),
                builder("v1", "PersistentVolume", "persistentvolumes").clusterScoped().shortNames("pv")
                        .subresource("status", "get", "patch", "update").model(PersistentVolume.class).build(),
                builder("v1", "PersistentVolumeClaim", "persistentvolumeclaims").shortNames("pvc")
                        .subresource("status", "get", "patch", "update").model(PersistentVolumeClaim.class).build(),
                builder("v1", "LimitRange", "limitranges").shortNames("limits").model(LimitRange.class).build(),
                builder("v1", "ResourceQuota", "resourcequotas").shortNames("quota")
                        .subresource("status", "get", "patch", "update").model(ResourceQuota.class).build(),
                builder("v1", "PodTemplate", "podtemplates").model(PodTemplate.class).build(),
                // apps/v1
                builder("apps/v1", "Deployment", "deployments").shortNames("deploy").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .subresource("scale", SCALE, "get", "patch", "update").model(Deployment.class).build(),
                builder("apps/v1", "ReplicaSet", "replicasets").shortNames("rs").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .subresource("scale", SCALE, "get", "patch", "update").model(ReplicaSet.class).build(),
                builder("apps/v1", "StatefulSet", "statefulsets").shortNames("sts").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .subresource("scale", SCALE, "get", "patch", "update").model(StatefulSet.class).build(),
                builder("apps/v1", "DaemonSet", "daemonsets").shortNames("ds").inCategoryAll()
                        .subresource("status", "get", "patch", "update").model(DaemonSet.class).build(),
                builder("apps/v1", "ControllerRevision", "controllerrevisions").model(ControllerRevision.class).build(),
                // batch/v1
                builder("batch/v1", "Job", "jobs").inCategoryAll()
                        .subresource("status", "get", "patch", "update").model(Job.class).build(),
                builder("batch/v1", "CronJob", "cronjobs").shortNames("cj").inCategoryAll()
                        .subresource("status", "get", "patch", "update").model(CronJob.class).build(),
                // autoscaling
                builder("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers").shortNames("hpa").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .model(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class).build(),
                builder("autoscaling/v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers").shortNames("hpa").inCategoryAll()
                        .subresource("status", "get", "patch", "update")
                        .model(io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class).build(),
                // others
                builder("coordination.k8s.io/v1", "Lease", "leases").model(Lease.class).build(),
                builder("discovery.k8s.io/v1", "EndpointSlice", "endpointslices").model(EndpointSlice.class).build(),
                builder("networking.k8s.io/v1", "Ingress", "ingresses").shortNames("ing")
                        .subresource("status", "get", "patch", "update").model(Ingress.class).build(),
                builder("networking.k8s.io/v1", "IngressClass", "ingressclasses").clusterScoped().model(IngressClass.class).build(),
                builder("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies").shortNames("netpol").model(NetworkPolicy.class).build(),
                builder("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets").shortNames("pdb")
                        .subresource("status", "get", "patch", "update").model(PodDisruptionBudget.class).build(),
                builder("rbac.authorization.k8s.io/v1", "Role", "roles").model(Role.class).build(),
                builder("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings").model(RoleBinding.class).build(),
                builder("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles").clusterScoped().model(ClusterRole.class).build(),
                builder("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings").clusterScoped()
                        .model(ClusterRoleBinding.class).build(),
                builder("storage.k8s.io/v1", "StorageClass", "storageclasses").clusterScoped().shortNames("sc")
                        .model(StorageClass.class).build(),
                builder("scheduling.k8s.io/v1", "PriorityClass", "priorityclasses").clusterScoped().shortNames("pc")
                        .model(PriorityClass.class).build(),
                builder("events.k8s.io/v1", "Event", "events").shortNames("ev")
                        .model(io.fabric8.kubernetes.api.model.events.v1.Event.class).build(),
                builder("authorization.k8s.io/v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews").clusterScoped()
                        .verbs("create").model(SelfSubjectAccessReview.class).build(),
                builder("metrics.k8s.io/v1beta1", "NodeMetrics", "nodes").clusterScoped().verbs("get", "list")
                        .model(io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics.class).build(),
                builder("metrics.k8s.io/v1beta1", "PodMetrics", "pods").verbs("get", "list")
                        .model(io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics.class).build(),
                builder("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions").clusterScoped()
                        .shortNames("crd", "crds").subresource("status", "get", "patch", "update")
                        .model(CustomResourceDefinition.class).build());
    }

    /** Kinds that are only request/response bodies of subresources, for schema generation. */
    public static List<Class<?>> subresourceModels() {
        return List.of(io.fabric8.kubernetes.api.model.autoscaling.v1.Scale.class, Eviction.class);
    }
}
