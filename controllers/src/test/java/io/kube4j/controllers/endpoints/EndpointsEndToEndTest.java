package io.kube4j.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointsEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LiveCluster.start();
        client = cluster.client();
        cluster.run(new EndpointsController(cluster.context()), new EndpointSliceController(cluster.context()));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void serviceWithRunningPodsGetsEndpointsAndSlices() throws Exception {
        client.services().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder(
                TestPods.webService()).editMetadata().withUid(null).endMetadata().editSpec().withClusterIP(null).endSpec()
                .build()).create();
        startPod("web-1", "10.244.0.11", true);
        startPod("web-2", "10.244.0.12", false);

        Endpoints endpoints = Poll.until(TIMEOUT, "endpoints with 1 ready and 1 not ready address", () -> {
            Endpoints ep = client.endpoints().inNamespace("default").withName("web").get();
            boolean complete = ep != null && ep.getSubsets().size() == 1
                    && ep.getSubsets().get(0).getAddresses().size() == 1
                    && ep.getSubsets().get(0).getNotReadyAddresses().size() == 1;
            return complete ? ep : null;
        }, Objects::nonNull);
        EndpointSubset subset = endpoints.getSubsets().get(0);
        EndpointAddress ready = subset.getAddresses().get(0);
        assertEquals("10.244.0.11", ready.getIp());
        assertEquals("web-1", ready.getTargetRef().getName());
        assertEquals("node-a", ready.getNodeName());
        assertEquals("10.244.0.12", subset.getNotReadyAddresses().get(0).getIp());
        assertEquals(Map.of("http", 8080, "metrics", 9090), Map.of(subset.getPorts().get(0).getName(),
                subset.getPorts().get(0).getPort(), subset.getPorts().get(1).getName(), subset.getPorts().get(1).getPort()));
        assertEquals("front", endpoints.getMetadata().getLabels().get("tier"));

        EndpointSlice slice = Poll.until(TIMEOUT, "an endpoint slice with two endpoints", () -> {
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace("default")
                    .withLabel(EndpointSliceController.SERVICE_NAME_LABEL, "web").list().getItems();
            return slices.size() == 1 && slices.get(0).getEndpoints().size() == 2 ? slices.get(0) : null;
        }, Objects::nonNull);
        assertEquals("IPv4", slice.getAddressType());
        assertEquals(EndpointSliceController.MANAGED_BY,
                slice.getMetadata().getLabels().get(EndpointSliceController.MANAGED_BY_LABEL));
        assertEquals("web-", slice.getMetadata().getName().substring(0, 4));
        assertEquals("Service", slice.getMetadata().getOwnerReferences().get(0).getKind());
        Endpoint first = slice.getEndpoints().get(0);
        assertEquals(List.of("10.244.0.11"), first.getAddresses());
        assertEquals(true, first.getConditions().getReady());
        assertEquals(false, slice.getEndpoints().get(1).getConditions().getReady());

        // The not-ready pod turns ready: it moves to addresses.
        setStatus("web-2", "10.244.0.12", true);
        Poll.until(TIMEOUT, "both addresses ready", () -> {
            Endpoints ep = client.endpoints().inNamespace("default").withName("web").get();
            return ep.getSubsets().get(0).getAddresses().size() == 2 ? ep : null;
        }, Objects::nonNull);
        // The kubernetes service's endpoints stay the API server's.
        Endpoints apiServer = client.endpoints().inNamespace("default").withName("kubernetes").get();
        assertEquals(1, apiServer.getSubsets().get(0).getAddresses().size());
        assertNull(apiServer.getSubsets().get(0).getAddresses().get(0).getTargetRef());
    }

    private static void startPod(String name, String ip, boolean ready) {
        Pod pod = TestPods.pod(name, null, ready, 8080).editMetadata().withUid(null).endMetadata()
                .withStatus(null).build();
        client.pods().inNamespace("default").resource(pod).create();
        setStatus(name, ip, ready);
    }

    private static void setStatus(String name, String ip, boolean ready) {
        Pod current = client.pods().inNamespace("default").withName(name).get();
        Pod running = new PodBuilder(current).withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewPodIP().withIp(ip).endPodIP()
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
        client.pods().inNamespace("default").resource(running).updateStatus();
    }
}
