package io.kube4j.apiserver.registry.kinds;

import io.kube4j.apiserver.registry.Strategy;

/** The {@link Strategy} of each built-in kind; kinds with nothing particular get the defaults. */
public final class BuiltinStrategies {
    private BuiltinStrategies() {
    }

    /**
     * The strategy for a kind of a group ({@code ""} for core). {@code allocator} hands out service
     * cluster IPs and node ports; it is used only by the Service strategy.
     */
    public static Strategy forKind(String group, String kind, ServiceAllocator allocator) {
        return switch (group + "/" + kind) {
            case "/Namespace" -> new NamespaceStrategy();
            case "/Pod" -> new PodStrategy();
            case "/Service" -> new ServiceStrategy(allocator);
            case "/Node" -> new NodeStrategy();
            case "/ConfigMap" -> new ConfigMapStrategy();
            case "/Secret" -> new SecretStrategy();
            case "/Event" -> new EventStrategy();
            case "/ReplicationController" -> new ReplicationControllerStrategy();
            case "/PersistentVolume" -> new PersistentVolumeStrategy();
            case "/PersistentVolumeClaim" -> new PersistentVolumeClaimStrategy();
            case "apps/Deployment" -> new DeploymentStrategy();
            case "apps/ReplicaSet" -> new ReplicaSetStrategy();
            case "apps/StatefulSet" -> new StatefulSetStrategy();
            case "apps/DaemonSet" -> new DaemonSetStrategy();
            case "batch/Job" -> new JobStrategy();
            case "batch/CronJob" -> new CronJobStrategy();
            case "rbac.authorization.k8s.io/Role" -> new RbacRoleStrategy(false);
            case "rbac.authorization.k8s.io/ClusterRole" -> new RbacRoleStrategy(true);
            case "rbac.authorization.k8s.io/RoleBinding" -> new RbacBindingStrategy(false);
            case "rbac.authorization.k8s.io/ClusterRoleBinding" -> new RbacBindingStrategy(true);
            case "scheduling.k8s.io/PriorityClass" -> new PriorityClassStrategy();
            case "policy/PodDisruptionBudget" -> new PodDisruptionBudgetStrategy();
            default -> new Strategy() {
            };
        };
    }
}
