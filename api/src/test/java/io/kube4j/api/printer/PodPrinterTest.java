package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PodPrinterTest {

    private static List<Object> pod(String json) {
        return cells("", "Pod", json);
    }

    @Test
    void runningPodWithIpAndNode() {
        List<Object> cells = pod("""
                {'metadata':{'name':'web','creationTimestamp':'%s'},
                 'spec':{'nodeName':'node-1','containers':[{'name':'nginx','image':'nginx'}]},
                 'status':{'phase':'Running','podIP':'10.0.0.7','podIPs':[{'ip':'10.0.0.7'}],
                   'conditions':[{'type':'Ready','status':'True'}],
                   'containerStatuses':[{'name':'nginx','ready':true,'restartCount':0,
                     'state':{'running':{'startedAt':'%s'}}}]}}
                """.formatted(ago("PT5M"), ago("PT5M")));
        assertEquals(List.of("web", "1/1", "Running", "0", "5m", "10.0.0.7", "node-1", "<none>", "<none>"), cells);
    }

    @Test
    void pendingPodWithoutStatusShowsNoneForWideCells() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p','creationTimestamp':'%s'},
                 'spec':{'containers':[{'name':'a'},{'name':'b'}]},
                 'status':{'phase':'Pending'}}
                """.formatted(ago("PT45S")));
        assertEquals(List.of("p", "0/2", "Pending", "0", "45s", "<none>", "<none>", "<none>", "<none>"), cells);
    }

    @Test
    void deletedRunningPodIsTerminating() {
        List<Object> cells = pod("""
                {'metadata':{'name':'web','creationTimestamp':'%s','deletionTimestamp':'%s'},
                 'spec':{'nodeName':'n','containers':[{'name':'c'}]},
                 'status':{'phase':'Running','podIPs':[{'ip':'10.0.0.8'}],
                   'containerStatuses':[{'name':'c','ready':true,'state':{'running':{}}}]}}
                """.formatted(ago("PT3H"), ago("PT1S")));
        assertEquals("Terminating", cells.get(2));
        assertEquals("1/1", cells.get(1));
    }

    @Test
    void deletedSucceededPodKeepsItsPhase() {
        List<Object> cells = pod("""
                {'metadata':{'name':'job-x','deletionTimestamp':'%s'},
                 'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Succeeded','containerStatuses':[{'name':'c',
                   'state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}
                """.formatted(ago("PT1S")));
        assertEquals("Completed", cells.get(2));
        assertEquals("<unknown>", cells.get(4));
    }

    @Test
    void deletedPodOnLostNodeIsUnknown() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p','deletionTimestamp':'%s'},'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Running','reason':'NodeLost'}}
                """.formatted(ago("PT1M")));
        assertEquals("Unknown", cells.get(2));
    }

    @Test
    void crashLoopingContainerShowsRestartsWithLastRestartAge() {
        List<Object> cells = pod("""
                {'metadata':{'name':'crash','creationTimestamp':'%s'},
                 'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Running','containerStatuses':[{'name':'c','ready':false,'restartCount':3,
                   'state':{'waiting':{'reason':'CrashLoopBackOff'}},
                   'lastState':{'terminated':{'exitCode':1,'reason':'Error','finishedAt':'%s'}}}]}}
                """.formatted(ago("PT1H"), ago("PT5M")));
        assertEquals(List.of("crash", "0/1", "CrashLoopBackOff", "3 (5m ago)", "60m"), cells.subList(0, 5));
    }

    @Test
    void restartsWithoutTerminationTimeShowOnlyTheCount() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Running','containerStatuses':[{'name':'c','ready':true,'restartCount':2,
                   'state':{'running':{}}}]}}
                """);
        assertEquals("2", cells.get(3));
    }

    @Test
    void waitingContainerReasonBecomesStatus() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Pending','containerStatuses':[{'name':'c','ready':false,
                   'state':{'waiting':{'reason':'ContainerCreating'}}}]}}
                """);
        assertEquals("ContainerCreating", cells.get(2));
    }

    @Test
    void firstContainerDecidesTheReason() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'a'},{'name':'b'}]},
                 'status':{'phase':'Running','containerStatuses':[
                   {'name':'a','state':{'waiting':{'reason':'ImagePullBackOff'}}},
                   {'name':'b','state':{'waiting':{'reason':'ErrImagePull'}}}]}}
                """);
        assertEquals("ImagePullBackOff", cells.get(2));
    }

    @Test
    void terminatedWithoutReasonShowsSignalOrExitCode() {
        String template = """
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Failed','containerStatuses':[{'name':'c','state':{'terminated':%s}}]}}
                """;
        assertEquals("Signal:9", pod(template.formatted("{'exitCode':137,'signal':9}")).get(2));
        assertEquals("ExitCode:2", pod(template.formatted("{'exitCode':2}")).get(2));
    }

    @Test
    void completedContainerBesideRunningOneKeepsPodRunning() {
        String template = """
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'done'},{'name':'server'}]},
                 'status':{'phase':'Running','conditions':[{'type':'Ready','status':'%s'}],'containerStatuses':[
                   {'name':'done','state':{'terminated':{'exitCode':0,'reason':'Completed'}}},
                   {'name':'server','ready':true,'state':{'running':{}}}]}}
                """;
        assertEquals(List.of("1/2", "Running"), pod(template.formatted("True")).subList(1, 3));
        assertEquals("NotReady", pod(template.formatted("False")).get(2));
    }

    @Test
    void pendingInitContainerShowsInitProgress() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},
                 'spec':{'initContainers':[{'name':'init'}],'containers':[{'name':'c'}]},
                 'status':{'phase':'Pending',
                   'initContainerStatuses':[{'name':'init','state':{'waiting':{'reason':'PodInitializing'}}}],
                   'containerStatuses':[{'name':'c','state':{'waiting':{'reason':'PodInitializing'}}}]}}
                """);
        assertEquals(List.of("0/1", "Init:0/1"), cells.subList(1, 3));
    }

    @Test
    void failingInitContainerShowsInitReasonAndItsRestarts() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},
                 'spec':{'initContainers':[{'name':'one'},{'name':'two'}],'containers':[{'name':'c'}]},
                 'status':{'phase':'Pending','initContainerStatuses':[
                   {'name':'one','state':{'terminated':{'exitCode':0,'reason':'Completed'}}},
                   {'name':'two','restartCount':4,'state':{'waiting':{'reason':'CrashLoopBackOff'}}}]}}
                """);
        assertEquals(List.of("0/1", "Init:CrashLoopBackOff", "4"), cells.subList(1, 4));
    }

    @Test
    void initContainerFailureWithoutReasonShowsExitCode() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},'spec':{'initContainers':[{'name':'i'}],'containers':[{'name':'c'}]},
                 'status':{'phase':'Pending','initContainerStatuses':[{'name':'i','state':{'terminated':{'exitCode':3}}}]}}
                """);
        assertEquals("Init:ExitCode:3", cells.get(2));
    }

    @Test
    void startedSidecarCountsAsContainer() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},
                 'spec':{'initContainers':[{'name':'proxy','restartPolicy':'Always'}],'containers':[{'name':'app'}]},
                 'status':{'phase':'Running','conditions':[{'type':'Initialized','status':'True'}],
                   'initContainerStatuses':[{'name':'proxy','started':true,'ready':true,'restartCount':1,
                     'state':{'running':{}}}],
                   'containerStatuses':[{'name':'app','ready':true,'restartCount':2,'state':{'running':{}}}]}}
                """);
        assertEquals(List.of("2/2", "Running", "3"), cells.subList(1, 4));
    }

    @Test
    void schedulingGatedPod() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},'spec':{'containers':[{'name':'c'}]},
                 'status':{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False','reason':'SchedulingGated'}]}}
                """);
        assertEquals("SchedulingGated", cells.get(2));
    }

    @Test
    void readinessGatesCountTrueConditions() {
        List<Object> cells = pod("""
                {'metadata':{'name':'p'},
                 'spec':{'containers':[{'name':'c'}],'readinessGates':[{'conditionType':'lb/ready'},{'conditionType':'x'}]},
                 'status':{'phase':'Running','nominatedNodeName':'n2','conditions':[{'type':'lb/ready','status':'True'}]}}
                """);
        assertEquals(List.of("n2", "1/2"), cells.subList(7, 9));
    }
}
