package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadPrintersTest {
    private static final String TEMPLATE = """
            'template':{'metadata':{'labels':{'app':'web'}},
              'spec':{'containers':[{'name':'nginx','image':'nginx:1.27'},{'name':'log','image':'busybox'}]}}""";

    @Test
    void deploymentTwoOfThreeReady() {
        List<Object> cells = cells("apps", "Deployment", """
                {'metadata':{'name':'web','creationTimestamp':'%s'},
                 'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web','tier':'fe'}},%s},
                 'status':{'replicas':3,'readyReplicas':2,'updatedReplicas':3,'availableReplicas':2}}
                """.formatted(ago("PT10M"), TEMPLATE));
        assertEquals(List.of("web", "2/3", 3L, 2L, "10m", "nginx,log", "nginx:1.27,busybox", "app=web,tier=fe"), cells);
    }

    @Test
    void newDeploymentWithoutStatusDefaultsToOneReplica() {
        List<Object> cells = cells("apps", "Deployment", "{'metadata':{'name':'d'},'spec':{}}");
        assertEquals(List.of("d", "0/1", 0L, 0L, "<unknown>", "", "", ""), cells);
    }

    @Test
    void replicaSetWithSetBasedSelector() {
        List<Object> cells = cells("apps", "ReplicaSet", """
                {'metadata':{'name':'web-5d8'},
                 'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'},'matchExpressions':[
                   {'key':'env','operator':'In','values':['prod','dev']},{'key':'canary','operator':'DoesNotExist'}]},%s},
                 'status':{'replicas':2,'readyReplicas':1}}
                """.formatted(TEMPLATE));
        assertEquals(List.of("web-5d8", 2L, 2L, 1L), cells.subList(0, 4));
        assertEquals("app=web,!canary,env in (dev,prod)", cells.get(7));
    }

    @Test
    void replicationControllerSelectsByLabelMap() {
        List<Object> cells = cells("", "ReplicationController", """
                {'metadata':{'name':'rc'},'spec':{'replicas':1,'selector':{'app':'x'},%s},'status':{'replicas':1}}
                """.formatted(TEMPLATE));
        assertEquals(List.of("rc", 1L, 1L, 0L, "<unknown>", "nginx,log", "nginx:1.27,busybox", "app=x"), cells);
    }

    @Test
    void statefulSetReadyOfDesired() {
        List<Object> cells = cells("apps", "StatefulSet", """
                {'metadata':{'name':'db'},'spec':{'replicas':3,%s},'status':{'readyReplicas':3}}
                """.formatted(TEMPLATE));
        assertEquals(List.of("db", "3/3", "<unknown>", "nginx,log", "nginx:1.27,busybox"), cells);
    }

    @Test
    void daemonSetCountsAndNodeSelector() {
        List<Object> cells = cells("apps", "DaemonSet", """
                {'metadata':{'name':'agent'},
                 'spec':{'selector':{'matchLabels':{'app':'agent'}},
                   'template':{'spec':{'nodeSelector':{'kubernetes.io/os':'linux'},'containers':[{'name':'a','image':'agent:1'}]}}},
                 'status':{'desiredNumberScheduled':3,'currentNumberScheduled':3,'numberReady':2,
                   'updatedNumberScheduled':3,'numberAvailable':2}}
                """);
        assertEquals(List.of("agent", 3L, 3L, 2L, 3L, 2L, "kubernetes.io/os=linux", "<unknown>", "a", "agent:1",
                "app=agent"), cells);
    }

    @Test
    void completeJobShowsRunDuration() {
        List<Object> cells = cells("batch", "Job", """
                {'metadata':{'name':'pi','creationTimestamp':'%s'},
                 'spec':{'completions':1,'parallelism':1,'selector':{'matchLabels':{'job-name':'pi'}},%s},
                 'status':{'succeeded':1,'startTime':'2025-01-01T11:00:00Z','completionTime':'2025-01-01T11:00:42Z',
                   'conditions':[{'type':'SuccessCriteriaMet','status':'True'},{'type':'Complete','status':'True'}]}}
                """.formatted(ago("PT1H"), TEMPLATE));
        assertEquals(List.of("pi", "Complete", "1/1", "42s", "60m"), cells.subList(0, 5));
        assertEquals("job-name=pi", cells.get(7));
    }

    @Test
    void runningJobDurationIsMeasuredUntilNow() {
        List<Object> cells = cells("batch", "Job", """
                {'metadata':{'name':'j'},'spec':{'parallelism':3},
                 'status':{'active':3,'startTime':'%s'}}
                """.formatted(ago("PT3M")));
        assertEquals(List.of("Running", "0/1 of 3", "3m"), cells.subList(1, 4));
    }

    @Test
    void jobStatusPrecedence() {
        String template = """
                {'metadata':{'name':'j'%s},'spec':{'completions':2},'status':{'conditions':[%s]}}""";
        assertEquals("Failed", cells("batch", "Job", template.formatted("", "{'type':'Failed','status':'True'}")).get(1));
        assertEquals("Terminating", cells("batch", "Job",
                template.formatted(",'deletionTimestamp':'2025-01-01T00:00:00Z'", "{'type':'Suspended','status':'True'}")).get(1));
        assertEquals("Suspended", cells("batch", "Job", template.formatted("", "{'type':'Suspended','status':'True'}")).get(1));
        assertEquals("Running", cells("batch", "Job", template.formatted("", "{'type':'Complete','status':'False'}")).get(1));
        assertEquals("", cells("batch", "Job", template.formatted("", "")).get(3));
    }

    @Test
    void cronJob() {
        List<Object> cells = cells("batch", "CronJob", """
                {'metadata':{'name':'hello'},
                 'spec':{'schedule':'*/1 * * * *','suspend':false,'jobTemplate':{'spec':{%s}}},
                 'status':{'active':[{'name':'hello-1'}],'lastScheduleTime':'%s'}}
                """.formatted(TEMPLATE, ago("PT30S")));
        assertEquals(List.of("hello", "*/1 * * * *", "<none>", "False", 1L, "30s", "<unknown>", "nginx,log",
                "nginx:1.27,busybox", "<none>"), cells);
        assertEquals(List.of("<unset>", 0L, "<none>"), cells("batch", "CronJob",
                "{'metadata':{'name':'c'},'spec':{'schedule':'@daily'}}").subList(3, 6));
    }

    @Test
    void podTemplate() {
        assertEquals(List.of("tpl", "nginx,log", "nginx:1.27,busybox", "app=web"),
                cells("", "PodTemplate", "{'metadata':{'name':'tpl'},%s}".formatted(TEMPLATE)));
    }

    @Test
    void controllerRevisionNamesItsController() {
        List<Object> cells = cells("apps", "ControllerRevision", """
                {'metadata':{'name':'agent-7c9','ownerReferences':[
                  {'apiVersion':'apps/v1','kind':'DaemonSet','name':'agent','controller':true}]},'revision':2}
                """);
        assertEquals(List.of("agent-7c9", "daemonset.apps/agent", 2L, "<unknown>"), cells);
    }
}
