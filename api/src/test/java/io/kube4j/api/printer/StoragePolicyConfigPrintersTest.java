package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoragePolicyConfigPrintersTest {

    @Test
    void configMapSecretAndServiceAccount() {
        assertEquals(List.of("cfg", 3L, "<unknown>"), cells("", "ConfigMap",
                "{'metadata':{'name':'cfg'},'data':{'a':'1','b':'2'},'binaryData':{'c':'AA=='}}"));
        assertEquals(List.of("tls", "kubernetes.io/tls", 2L, "<unknown>"), cells("", "Secret",
                "{'metadata':{'name':'tls'},'type':'kubernetes.io/tls','data':{'tls.crt':'','tls.key':''}}"));
        assertEquals(List.of("default", 0L, "<unknown>"), cells("", "ServiceAccount", "{'metadata':{'name':'default'}}"));
    }

    @Test
    void boundPersistentVolume() {
        List<Object> cells = cells("", "PersistentVolume", """
                {'metadata':{'name':'pv-1','creationTimestamp':'%s'},
                 'spec':{'capacity':{'storage':'10Gi'},'accessModes':['ReadWriteMany','ReadWriteOnce'],
                   'persistentVolumeReclaimPolicy':'Retain','storageClassName':'standard',
                   'claimRef':{'namespace':'default','name':'data'},'volumeMode':'Filesystem'},
                 'status':{'phase':'Bound'}}
                """.formatted(ago("PT20M")));
        assertEquals(List.of("pv-1", "10Gi", "RWO,RWX", "Retain", "Bound", "default/data", "standard", "<unset>", "",
                "20m", "Filesystem"), cells);
    }

    @Test
    void pendingClaimHasNoCapacityYet() {
        List<Object> cells = cells("", "PersistentVolumeClaim", """
                {'metadata':{'name':'data','annotations':{'volume.beta.kubernetes.io/storage-class':'legacy'}},
                 'spec':{'storageClassName':'standard','resources':{'requests':{'storage':'1Gi'}}},
                 'status':{'phase':'Pending'}}
                """);
        assertEquals(List.of("data", "Pending", "", "", "", "legacy", "<unset>", "<unknown>", "<unset>"), cells);
    }

    @Test
    void boundClaimBeingDeleted() {
        List<Object> cells = cells("", "PersistentVolumeClaim", """
                {'metadata':{'name':'data','deletionTimestamp':'2025-01-01T00:00:00Z'},
                 'spec':{'volumeName':'pv-1','storageClassName':'standard','volumeMode':'Block'},
                 'status':{'phase':'Bound','capacity':{'storage':'10Gi'},'accessModes':['ReadWriteOncePod']}}
                """);
        assertEquals(List.of("data", "Terminating", "pv-1", "10Gi", "RWOP", "standard", "<unset>", "<unknown>", "Block"),
                cells);
    }

    @Test
    void defaultStorageClass() {
        List<Object> cells = cells("storage.k8s.io", "StorageClass", """
                {'metadata':{'name':'standard','annotations':{'storageclass.kubernetes.io/is-default-class':'true'}},
                 'provisioner':'rancher.io/local-path','volumeBindingMode':'WaitForFirstConsumer'}
                """);
        assertEquals(List.of("standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", false,
                "<unknown>"), cells);
    }

    @Test
    void podDisruptionBudget() {
        assertEquals(List.of("pdb", "2", "N/A", 1L, "<unknown>"), cells("policy", "PodDisruptionBudget",
                "{'metadata':{'name':'pdb'},'spec':{'minAvailable':2},'status':{'disruptionsAllowed':1}}"));
        assertEquals(List.of("N/A", "25%"), cells("policy", "PodDisruptionBudget",
                "{'metadata':{'name':'pdb'},'spec':{'maxUnavailable':'25%'}}").subList(1, 3));
    }

    @Test
    void horizontalPodAutoscalerV2() {
        List<Object> cells = cells("autoscaling", "HorizontalPodAutoscaler", """
                {'metadata':{'name':'web','creationTimestamp':'%s'},
                 'spec':{'scaleTargetRef':{'kind':'Deployment','name':'web'},'minReplicas':1,'maxReplicas':10,
                   'metrics':[{'type':'Resource','resource':{'name':'cpu','target':{'type':'Utilization','averageUtilization':80}}},
                     {'type':'Pods','pods':{'metric':{'name':'qps'},'target':{'type':'AverageValue','averageValue':'1k'}}},
                     {'type':'Resource','resource':{'name':'memory','target':{'type':'AverageValue','averageValue':'500Mi'}}}]},
                 'status':{'currentReplicas':3,'currentMetrics':[
                   {'type':'Resource','resource':{'name':'cpu','current':{'averageUtilization':42,'averageValue':'210m'}}}]}}
                """.formatted(ago("PT1H")));
        assertEquals(List.of("web", "Deployment/web", "cpu: 42%/80%, <unknown>/1k + 1 more...", "1", 10L, 3L, "60m"),
                cells);
    }

    @Test
    void horizontalPodAutoscalerV1AndWithoutMetrics() {
        assertEquals("cpu: <unknown>/50%", cells("autoscaling", "HorizontalPodAutoscaler", """
                {'metadata':{'name':'h'},'spec':{'targetCPUUtilizationPercentage':50,'maxReplicas':3}}""").get(2));
        assertEquals(List.of("<none>", "<unset>"), cells("autoscaling", "HorizontalPodAutoscaler",
                "{'metadata':{'name':'h'},'spec':{'maxReplicas':3}}").subList(2, 4));
    }

    @Test
    void roleBindingSubjects() {
        List<Object> cells = cells("rbac.authorization.k8s.io", "RoleBinding", """
                {'metadata':{'name':'rb'},'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'ClusterRole','name':'view'},
                 'subjects':[{'kind':'User','name':'alice'},{'kind':'User','name':'bob'},{'kind':'Group','name':'devs'},
                   {'kind':'ServiceAccount','namespace':'ci','name':'builder'}]}
                """);
        assertEquals(List.of("rb", "ClusterRole/view", "<unknown>", "alice, bob", "devs", "ci/builder"), cells);
    }

    @Test
    void rolesShowCreationTimeInUtc() {
        assertEquals(List.of("admin", "2024-06-01T08:30:00Z"), cells("rbac.authorization.k8s.io", "ClusterRole",
                "{'metadata':{'name':'admin','creationTimestamp':'2024-06-01T10:30:00+02:00'}}"));
        assertEquals(List.of("limits", "0001-01-01T00:00:00Z"), cells("", "LimitRange", "{'metadata':{'name':'limits'}}"));
    }
}
