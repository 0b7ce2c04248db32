package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.columnNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Column names and the {@code -o wide} split, as Kubernetes 1.32 serves them. */
class PrintersTest {

    static Stream<Arguments> columns() {
        return Stream.of(
                kind("", "Pod", "Name,Ready,Status,Restarts,Age", "IP,Node,Nominated Node,Readiness Gates"),
                kind("apps", "Deployment", "Name,Ready,Up-to-date,Available,Age", "Containers,Images,Selector"),
                kind("apps", "ReplicaSet", "Name,Desired,Current,Ready,Age", "Containers,Images,Selector"),
                kind("", "ReplicationController", "Name,Desired,Current,Ready,Age", "Containers,Images,Selector"),
                kind("apps", "StatefulSet", "Name,Ready,Age", "Containers,Images"),
                kind("apps", "DaemonSet", "Name,Desired,Current,Ready,Up-to-date,Available,Node Selector,Age",
                        "Containers,Images,Selector"),
                kind("batch", "Job", "Name,Status,Completions,Duration,Age", "Containers,Images,Selector"),
                kind("batch", "CronJob", "Name,Schedule,Timezone,Suspend,Active,Last Schedule,Age",
                        "Containers,Images,Selector"),
                kind("", "Service", "Name,Type,Cluster-IP,External-IP,Port(s),Age", "Selector"),
                kind("", "Endpoints", "Name,Endpoints,Age", ""),
                kind("discovery.k8s.io", "EndpointSlice", "Name,AddressType,Ports,Endpoints,Age", ""),
                kind("", "Namespace", "Name,Status,Age", ""),
                kind("", "Node", "Name,Status,Roles,Age,Version",
                        "Internal-IP,External-IP,OS-Image,Kernel-Version,Container-Runtime"),
                kind("", "Event", "Last Seen,Type,Reason,Object,Message", "Subobject,Source,First Seen,Count,Name"),
                kind("events.k8s.io", "Event", "Last Seen,Type,Reason,Object,Message",
                        "Subobject,Source,First Seen,Count,Name"),
                kind("", "ConfigMap", "Name,Data,Age", ""),
                kind("", "Secret", "Name,Type,Data,Age", ""),
                kind("", "ServiceAccount", "Name,Secrets,Age", ""),
                kind("", "PersistentVolume",
                        "Name,Capacity,Access Modes,Reclaim Policy,Status,Claim,StorageClass,VolumeAttributesClass,Reason,Age",
                        "VolumeMode"),
                kind("", "PersistentVolumeClaim",
                        "Name,Status,Volume,Capacity,Access Modes,StorageClass,VolumeAttributesClass,Age", "VolumeMode"),
                kind("storage.k8s.io", "StorageClass",
                        "Name,Provisioner,ReclaimPolicy,VolumeBindingMode,AllowVolumeExpansion,Age", ""),
                kind("networking.k8s.io", "Ingress", "Name,Class,Hosts,Address,Ports,Age", ""),
                kind("networking.k8s.io", "IngressClass", "Name,Controller,Parameters,Age", ""),
                kind("networking.k8s.io", "NetworkPolicy", "Name,Pod-Selector,Age", ""),
                kind("policy", "PodDisruptionBudget", "Name,Min Available,Max Unavailable,Allowed Disruptions,Age", ""),
                kind("autoscaling", "HorizontalPodAutoscaler", "Name,Reference,Targets,MinPods,MaxPods,Replicas,Age", ""),
                kind("coordination.k8s.io", "Lease", "Name,Holder,Age", ""),
                kind("rbac.authorization.k8s.io", "Role", "Name,Created At", ""),
                kind("rbac.authorization.k8s.io", "ClusterRole", "Name,Created At", ""),
                kind("rbac.authorization.k8s.io", "RoleBinding", "Name,Role,Age", "Users,Groups,ServiceAccounts"),
                kind("rbac.authorization.k8s.io", "ClusterRoleBinding", "Name,Role,Age", "Users,Groups,ServiceAccounts"),
                kind("scheduling.k8s.io", "PriorityClass", "Name,Value,Global-Default,Age", "PreemptionPolicy"),
                kind("", "LimitRange", "Name,Created At", ""),
                kind("", "ResourceQuota", "Name,Request,Limit,Age", ""),
                kind("", "PodTemplate", "Name,Containers,Images,Pod Labels", ""),
                kind("apps", "ControllerRevision", "Name,Controller,Revision,Age", ""),
                kind("apiextensions.k8s.io", "CustomResourceDefinition", "Name,Created At", ""),
                kind("example.com", "Widget", "Name,Age", ""));
    }

    private static Arguments kind(String group, String kind, String normal, String wide) {
        return Arguments.of(group, kind, split(normal), split(wide));
    }

    private static List<String> split(String names) {
        return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("columns")
    void columnsMatchUpstream(String group, String kind, List<String> normal, List<String> wide) {
        TablePrinter printer = Printers.forKind(group, kind);
        List<String> shown = printer.columns().stream().filter(c -> c.priority() == 0).map(Column::name).toList();
        List<String> wideOnly = printer.columns().stream().filter(c -> c.priority() == 1).map(Column::name).toList();
        assertEquals(normal, shown);
        assertEquals(wide, wideOnly);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("columns")
    void exactlyOneNameColumnAndOneCellPerColumn(String group, String kind, List<String> normal, List<String> wide) {
        TablePrinter printer = Printers.forKind(group, kind);
        assertEquals(1, printer.columns().stream().filter(c -> "name".equals(c.format())).count());
        assertTrue(printer.columns().stream().allMatch(c -> !c.description().isEmpty()));
        assertEquals(printer.columns().size(), printer.cells(Fixtures.json("{'metadata':{'name':'x'}}"), Fixtures.NOW).size());
    }

    @Test
    void unknownKindGetsNameAndAge() {
        TablePrinter printer = Printers.forKind("example.com", "Widget");
        assertEquals(List.of("Name", "Age"), columnNames(printer));
        assertEquals(List.of("w", "<unknown>"), printer.cells(Fixtures.json("{'metadata':{'name':'w'}}"), Fixtures.NOW));
    }
}
