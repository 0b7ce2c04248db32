package io.kube4j.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSubsetsTest {

    @Test
    void readyPodsAreAddressesAndOthersNotReadyAddresses() {
        List<EndpointSubset> subsets = EndpointSubsets.compute(TestPods.webService(), List.of(
                TestPods.ready("b", "10.0.0.2"),
                TestPods.ready("a", "10.0.0.1"),
                TestPods.pod("c", "10.0.0.3", false, 8080).build()));

        assertEquals(1, subsets.size());
        EndpointSubset subset = subsets.get(0);
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), ips(subset.getAddresses()));
        assertEquals(List.of("10.0.0.3"), ips(subset.getNotReadyAddresses()));
        EndpointAddress first = subset.getAddresses().get(0);
        assertEquals("node-a", first.getNodeName());
        assertEquals("Pod", first.getTargetRef().getKind());
        assertEquals("a", first.getTargetRef().getName());
        assertEquals("uid-a", first.getTargetRef().getUid());
        assertEquals(List.of("http:8080", "metrics:9090"), ports(subset.getPorts()));
    }

    @Test
    void namedTargetPortsResolvePerPodAndSplitSubsets() {
        Pod other = TestPods.pod("other", "10.0.0.9", true, 8443).build();
        Pod unnamed = new PodBuilder(TestPods.ready("unnamed", "10.0.0.5")).editSpec().editFirstContainer()
                .withPorts(List.of()).endContainer().endSpec().build();

        List<EndpointSubset> subsets = EndpointSubsets.compute(TestPods.webService(),
                List.of(TestPods.ready("a", "10.0.0.1"), other, unnamed));

        assertEquals(3, subsets.size());
        Map<String, List<String>> portsByIp = new java.util.TreeMap<>();
        subsets.forEach(s -> ips(s.getAddresses()).forEach(ip -> portsByIp.put(ip, ports(s.getPorts()))));
        assertEquals(List.of("http:8080", "metrics:9090"), portsByIp.get("10.0.0.1"));
        assertEquals(List.of("http:8443", "metrics:9090"), portsByIp.get("10.0.0.9"));
        assertEquals(List.of("metrics:9090"), portsByIp.get("10.0.0.5"), "the named port does not resolve on this pod");
    }

    @Test
    void podsWithoutIpFinishedOrTerminatingAreLeftOut() {
        Pod noIp = TestPods.pod("no-ip", null, false, 8080).build();
        Pod done = new PodBuilder(TestPods.ready("done", "10.0.0.4")).editStatus().withPhase("Succeeded").endStatus().build();
        Pod leaving = new PodBuilder(TestPods.ready("leaving", "10.0.0.5")).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
        Pod otherApp = new PodBuilder(TestPods.ready("db", "10.0.0.6")).editMetadata()
                .withLabels(Map.of("app", "db")).endMetadata().build();

        List<EndpointSubset> subsets = EndpointSubsets.compute(TestPods.webService(),
                List.of(noIp, done, leaving, otherApp, TestPods.ready("a", "10.0.0.1")));

        assertEquals(1, subsets.size());
        assertEquals(List.of("10.0.0.1"), ips(subsets.get(0).getAddresses()));
        assertNull(subsets.get(0).getNotReadyAddresses());
    }

    @Test
    void publishNotReadyAddressesListsEveryPodAsAddress() {
        Service service = TestPods.service().editSpec().withPublishNotReadyAddresses(true).endSpec().build();
        Pod leaving = new PodBuilder(TestPods.ready("leaving", "10.0.0.5")).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();

        List<EndpointSubset> subsets = EndpointSubsets.compute(service,
                List.of(TestPods.pod("c", "10.0.0.3", false, 8080).build(), leaving));

        assertEquals(List.of("10.0.0.3", "10.0.0.5"), ips(subsets.get(0).getAddresses()));
        assertNull(subsets.get(0).getNotReadyAddresses());
    }

    @Test
    void headlessServiceWithoutPortsListsAddressesWithHostnames() {
        Service headless = new ServiceBuilder(TestPods.webService()).editSpec().withClusterIP("None")
                .withPorts(List.of()).endSpec().build();
        Pod named = new PodBuilder(TestPods.ready("web-0", "10.0.0.1")).editSpec()
                .withHostname("web-0").withSubdomain("web").endSpec().build();
        Pod otherSubdomain = new PodBuilder(TestPods.ready("x", "10.0.0.2")).editSpec()
                .withHostname("x").withSubdomain("elsewhere").endSpec().build();

        List<EndpointSubset> subsets = EndpointSubsets.compute(headless, List.of(named, otherSubdomain));

        assertEquals(1, subsets.size());
        assertTrue(subsets.get(0).getPorts() == null || subsets.get(0).getPorts().isEmpty());
        assertEquals("web-0", subsets.get(0).getAddresses().get(0).getHostname());
        assertNull(subsets.get(0).getAddresses().get(1).getHostname());
    }

    private static List<String> ips(List<EndpointAddress> addresses) {
        return addresses == null ? List.of() : addresses.stream().map(EndpointAddress::getIp).toList();
    }

    private static List<String> ports(List<EndpointPort> ports) {
        return ports.stream().map(p -> p.getName() + ":" + p.getPort()).toList();
    }
}
