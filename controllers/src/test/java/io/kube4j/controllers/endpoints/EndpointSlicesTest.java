package io.kube4j.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSlicesTest {
    private static final Map<String, String> ZONES = Map.of("node-a", "zone-1");

    @Test
    void conditionsFollowReadinessAndTermination() {
        Pod leaving = new PodBuilder(TestPods.ready("leaving", "10.0.0.5")).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
        List<EndpointSlices.Desired> slices = EndpointSlices.compute(TestPods.webService(),
                List.of(TestPods.ready("a", "10.0.0.1"), TestPods.pod("b", "10.0.0.2", false, 8080).build(), leaving),
                ZONES::get, 100);

        assertEquals(1, slices.size());
        List<Endpoint> endpoints = slices.get(0).endpoints();
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.5"), endpoints.stream().map(e -> e.getAddresses().get(0)).toList());
        assertConditions(endpoints.get(0), true, true, false);
        assertConditions(endpoints.get(1), false, false, false);
        assertConditions(endpoints.get(2), false, true, true);
        assertEquals("zone-1", endpoints.get(0).getZone());
        assertEquals("node-a", endpoints.get(0).getNodeName());
        assertEquals("a", endpoints.get(0).getTargetRef().getName());
        assertEquals(List.of("http:8080", "metrics:9090"),
                slices.get(0).ports().stream().map(p -> p.getName() + ":" + p.getPort()).toList());
    }

    @Test
    void publishNotReadyMakesEveryEndpointReady() {
        Service service = TestPods.service().editSpec().withPublishNotReadyAddresses(true).endSpec().build();
        List<EndpointSlices.Desired> slices = EndpointSlices.compute(service,
                List.of(TestPods.pod("b", "10.0.0.2", false, 8080).build()), ZONES::get, 100);
        assertConditions(slices.get(0).endpoints().get(0), true, false, false);
    }

    @Test
    void podsAreGroupedByPortsAndCutIntoSlicesOfTheMaximumSize() {
        List<Pod> pods = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            pods.add(TestPods.ready("p" + i, "10.0.1." + i));
        }
        pods.add(TestPods.pod("alt", "10.0.2.1", true, 8443).build());

        List<EndpointSlices.Desired> slices = EndpointSlices.compute(TestPods.webService(), pods, ZONES::get, 2);

        assertEquals(List.of(2, 2, 1, 1), slices.stream().map(s -> s.endpoints().size()).sorted((a, b) -> b - a).toList());
        long alt = slices.stream().filter(s -> s.ports().stream().anyMatch(p -> p.getPort() == 8443)).count();
        assertEquals(1, alt);
    }

    @Test
    void podsWithoutAddressOrFinishedAreNoEndpoints() {
        Pod failed = new PodBuilder(TestPods.ready("f", "10.0.0.7")).editStatus().withPhase("Failed").endStatus().build();
        assertTrue(EndpointSlices.compute(TestPods.webService(),
                List.of(failed, TestPods.pod("n", null, true, 8080).build()), ZONES::get, 100).isEmpty());
    }

    private static void assertConditions(Endpoint e, boolean ready, boolean serving, boolean terminating) {
        assertEquals(ready, e.getConditions().getReady(), "ready");
        assertEquals(serving, e.getConditions().getServing(), "serving");
        assertEquals(terminating, e.getConditions().getTerminating(), "terminating");
        assertFalse(e.getAddresses().isEmpty());
    }
}
