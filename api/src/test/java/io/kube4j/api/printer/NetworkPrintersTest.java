package io.kube4j.api.printer;

import static io.kube4j.api.printer.Fixtures.ago;
import static io.kube4j.api.printer.Fixtures.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPrintersTest {

    @Test
    void nodePortService() {
        List<Object> cells = cells("", "Service", """
                {'metadata':{'name':'web','creationTimestamp':'%s'},
                 'spec':{'type':'NodePort','clusterIP':'10.96.0.12','clusterIPs':['10.96.0.12'],'selector':{'app':'web'},
                   'ports':[{'port':80,'targetPort':8080,'nodePort':30080,'protocol':'TCP'},
                            {'port':53,'protocol':'UDP','nodePort':30053}]}}
                """.formatted(ago("PT2H")));
        assertEquals(List.of("web", "NodePort", "10.96.0.12", "<none>", "80:30080/TCP,53:30053/UDP", "120m", "app=web"),
                cells);
    }

    @Test
    void clusterIpServiceWithoutPortsOrSelector() {
        List<Object> cells = cells("", "Service", """
                {'metadata':{'name':'h'},'spec':{'type':'ClusterIP','clusterIPs':['None']}}
                """);
        assertEquals(List.of("h", "ClusterIP", "None", "<none>", "<none>", "<unknown>", "<none>"), cells);
    }

    @Test
    void loadBalancerExternalIp() {
        String template = """
                {'metadata':{'name':'lb'},'spec':{'type':'LoadBalancer','clusterIPs':['10.96.0.9'],%s
                 'ports':[{'port':443,'protocol':'TCP','nodePort':31443}]},'status':{'loadBalancer':%s}}""";
        assertEquals("<pending>", cells("", "Service", template.formatted("", "{}")).get(3));
        assertEquals("1.2.3.4,lb.example.com,5.6.7.8", cells("", "Service", template.formatted(
                "'externalIPs':['5.6.7.8'],",
                "{'ingress':[{'ip':'1.2.3.4'},{'hostname':'lb.example.com'},{'ip':'1.2.3.4'}]}")).get(3));
    }

    @Test
    void externalNameService() {
        assertEquals("db.example.com", cells("", "Service",
                "{'metadata':{'name':'x'},'spec':{'type':'ExternalName','externalName':'db.example.com'}}").get(3));
    }

    @Test
    void endpointsListUpToThreeAddresses() {
        List<Object> cells = cells("", "Endpoints", """
                {'metadata':{'name':'web'},'subsets':[
                  {'addresses':[{'ip':'10.0.0.1'},{'ip':'10.0.0.2'}],'ports':[{'port':8080},{'port':9090}]},
                  {'addresses':[{'ip':'fd00::1'}]}]}
                """);
        assertEquals(List.of("web", "10.0.0.1:8080,10.0.0.2:8080,10.0.0.1:9090 + 2 more...", "<unknown>"), cells);
        assertEquals("<none>", cells("", "Endpoints", "{'metadata':{'name':'e'}}").get(1));
        assertEquals("[fd00::1]:80", cells("", "Endpoints",
                "{'metadata':{'name':'e'},'subsets':[{'addresses':[{'ip':'fd00::1'}],'ports':[{'port':80}]}]}").get(1));
    }

    @Test
    void endpointSlice() {
        List<Object> cells = cells("discovery.k8s.io", "EndpointSlice", """
                {'metadata':{'name':'web-abc'},'addressType':'IPv4','ports':[{'port':8080},{'name':'metrics'}],
                 'endpoints':[{'addresses':['10.0.0.1']},{'addresses':['10.0.0.2']}]}
                """);
        assertEquals(List.of("web-abc", "IPv4", "8080,metrics", "10.0.0.1,10.0.0.2", "<unknown>"), cells);
        assertEquals(List.of("<unset>", "<unset>"), cells("discovery.k8s.io", "EndpointSlice",
                "{'metadata':{'name':'s'},'addressType':'IPv4'}").subList(2, 4));
    }

    @Test
    void ingress() {
        List<Object> cells = cells("networking.k8s.io", "Ingress", """
                {'metadata':{'name':'site'},
                 'spec':{'ingressClassName':'nginx','tls':[{'hosts':['a.example.com']}],
                   'rules':[{'host':'a.example.com'},{},{'host':'b.example.com'}]},
                 'status':{'loadBalancer':{'ingress':[{'ip':'192.168.1.10'}]}}}
                """);
        assertEquals(List.of("site", "nginx", "a.example.com,b.example.com", "192.168.1.10", "80, 443", "<unknown>"),
                cells);
        assertEquals(List.of("<none>", "*", "", "80"),
                cells("networking.k8s.io", "Ingress", "{'metadata':{'name':'i'},'spec':{}}").subList(1, 5));
    }

    @Test
    void ingressHostsBeyondThreeCountRemainingRules() {
        List<Object> cells = cells("networking.k8s.io", "Ingress", """
                {'metadata':{'name':'i'},'spec':{'rules':[{'host':'a'},{'host':'b'},{'host':'c'},{'host':'d'},{'host':'e'}]}}
                """);
        assertEquals("a,b,c + 2 more...", cells.get(2));
    }

    @Test
    void ingressClassParameters() {
        List<Object> cells = cells("networking.k8s.io", "IngressClass", """
                {'metadata':{'name':'nginx'},'spec':{'controller':'k8s.io/ingress-nginx',
                 'parameters':{'apiGroup':'k8s.example.com','kind':'IngressParameters','name':'external-lb'}}}
                """);
        assertEquals(List.of("nginx", "k8s.io/ingress-nginx", "IngressParameters.k8s.example.com/external-lb", "<unknown>"),
                cells);
    }

    @Test
    void networkPolicyPodSelector() {
        assertEquals("<none>", cells("networking.k8s.io", "NetworkPolicy",
                "{'metadata':{'name':'deny'},'spec':{'podSelector':{}}}").get(1));
        assertEquals("role=db", cells("networking.k8s.io", "NetworkPolicy",
                "{'metadata':{'name':'db'},'spec':{'podSelector':{'matchLabels':{'role':'db'}}}}").get(1));
    }
}
