package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPrintersTest {

    @Test
    void cordonedControlPlaneNode() {
        List<Object> cells = cells("", "Node", """
                {'metadata':{'name':'cp-1','creationTimestamp':'%s','labels':{
                   'node-role.kubernetes.io/control-plane':'','node-role.kubernetes.io/etcd':'true',
                   'node-role.kubernetes.io/':'x','kubernetes.io/hostname':'cp-1'}},
                 'spec':{'unschedulable':true},
                 'status':{'conditions':[{'type':'MemoryPressure','status':'False'},{'type':'Ready','status':'True'}],
                   'addresses':[{'type':'Hostname','address':'cp-1'},{'type':'InternalIP','address':'192.168.0.10'}],
                   'nodeInfo':{'kubeletVersion':'v1.32.4','osImage':'Ubuntu 24.04 LTS','kernelVersion':'6.8.0',
                     'containerRuntimeVersion':'containerd://1.7.24'}}}
                """.formatted(ago("P5DT3H")));
        assertEquals(List.of("cp-1", "Ready,SchedulingDisabled", "control-plane,etcd", "5d3h", "v1.32.4",
                "192.168.0.10", "<none>", "Ubuntu 24.04 LTS", "6.8.0", "containerd://1.7.24"), cells);
    }

    @Test
    void nodeWithoutConditionsOrRoles() {
        List<Object> cells = cells("", "Node", "{'metadata':{'name':'n'}}");
        assertEquals(List.of("n", "Unknown", "<none>", "<unknown>", "", "<none>", "<none>", "<unknown>", "<unknown>",
                "<unknown>"), cells);
    }

    @Test
    void notReadyNodeWithLegacyRoleLabel() {
        List<Object> cells = cells("", "Node", """
                {'metadata':{'name':'n','labels':{'kubernetes.io/role':'worker'}},
                 'status':{'conditions':[{'type':'Ready','status':'Unknown'}]}}
                """);
        assertEquals(List.of("NotReady", "worker"), cells.subList(1, 3));
    }

    @Test
    void namespace() {
        assertEquals(List.of("dev", "Terminating", "2y70d"), cells("", "Namespace", """
                {'metadata':{'name':'dev','creationTimestamp':'%s'},'status':{'phase':'Terminating'}}
                """.formatted(ago("P800D"))));
    }

    @Test
    void coreEvent() {
        String event = """
                {'metadata':{'name':'web.17f','namespace':'default'},
                 'involvedObject':{'kind':'Pod','name':'web','fieldPath':'spec.containers{nginx}'},
                 'reason':'Pulled','message':'  Successfully pulled image nginx\\n','type':'Normal',
                 'source':{'component':'kubelet','host':'node-1'},
                 'firstTimestamp':'%s','lastTimestamp':'%s','count':4}
                """.formatted(ago("PT10M"), ago("PT30S"));
        List<Object> cells = cells("", "Event", event);
        assertEquals(List.of("30s", "Normal", "Pulled", "pod/web", "spec.containers{nginx}", "kubelet, node-1",
                "Successfully pulled image nginx", "10m", 4L, "web.17f"), cells);
    }

    @Test
    void eventWithoutLegacyTimestampsUsesEventTimeAndSeries() {
        List<Object> cells = cells("", "Event", """
                {'metadata':{'name':'e'},'involvedObject':{'kind':'Node'},'type':'Warning','reason':'R',
                 'eventTime':'%s','reportingController':'scheduler','series':{'count':7,'lastObservedTime':'%s'}}
                """.formatted(ago("PT1H"), ago("PT2M")));
        assertEquals(List.of("2m", "Warning", "R", "node", "", "scheduler", "", "60m", 7L, "e"), cells);
    }

    @Test
    void eventsApiEventReadsItsOwnFieldNames() {
        List<Object> cells = cells("events.k8s.io", "Event", """
                {'metadata':{'name':'e'},'regarding':{'kind':'Deployment','name':'web'},'note':'Scaled up',
                 'type':'Normal','reason':'ScalingReplicaSet','eventTime':'%s',
                 'reportingController':'deployment-controller','reportingInstance':'cm-1'}
                """.formatted(ago("PT5S")));
        assertEquals(List.of("5s", "Normal", "ScalingReplicaSet", "deployment/web", "", "deployment-controller, cm-1",
                "Scaled up", "5s", 1L, "e"), cells);
    }

    @Test
    void resourceQuotaSplitsRequestsAndLimits() {
        List<Object> cells = cells("", "ResourceQuota", """
                {'metadata':{'name':'q'},'status':{
                  'hard':{'pods':'10','requests.cpu':'1','limits.memory':'2Gi','limits.cpu':'2'},
                  'used':{'pods':'3','requests.cpu':'500m','limits.cpu':'1'}}}
                """);
        assertEquals(List.of("q", "pods: 3/10, requests.cpu: 500m/1", "limits.cpu: 1/2, limits.memory: 0/2Gi", "<unknown>"),
                cells);
    }

    @Test
    void leasePriorityClassRuntimeClassAndWebhooks() {
        assertEquals(List.of("kube-scheduler", "cp-1_4f2", "<unknown>"), cells("coordination.k8s.io", "Lease",
                "{'metadata':{'name':'kube-scheduler'},'spec':{'holderIdentity':'cp-1_4f2'}}"));
        assertEquals(List.of("system-node-critical", 2000001000L, false, "<unknown>", "PreemptLowerPriority"),
                cells("scheduling.k8s.io", "PriorityClass", """
                        {'metadata':{'name':'system-node-critical'},'value':2000001000,
                         'preemptionPolicy':'PreemptLowerPriority'}"""));
        assertEquals(List.of("gvisor", "runsc", "<unknown>"), cells("node.k8s.io", "RuntimeClass",
                "{'metadata':{'name':'gvisor'},'handler':'runsc'}"));
        assertEquals(List.of("hooks", 2L, "<unknown>"), cells("admissionregistration.k8s.io",
                "ValidatingWebhookConfiguration", "{'metadata':{'name':'hooks'},'webhooks':[{},{}]}"));
    }
}
