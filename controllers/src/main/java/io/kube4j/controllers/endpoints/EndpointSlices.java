package io.kube4j.controllers.endpoints;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.kube4j.controllers.PodStates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the discovery.k8s.io/v1 endpoints of a service as upstream's EndpointSlice controller
 * does: every selected pod with an IPv4 address, terminating ones included, with ready/serving/
 * terminating conditions; pods grouped by the ports their targetPorts resolve to, each group cut into
 * slices of at most {@code maxPerSlice} endpoints.
 */
final class EndpointSlices {
    static final int MAX_ENDPOINTS_PER_SLICE = 100;

    private static final Comparator<EndpointPort> PORT_ORDER = Comparator
            .comparing((EndpointPort p) -> p.getName() == null ? "" : p.getName())
            .thenComparing(EndpointPort::getPort).thenComparing(EndpointPort::getProtocol);

    /** The content of one slice. */
    record Desired(List<EndpointPort> ports, List<Endpoint> endpoints) {
    }

    private EndpointSlices() {
    }

    /** @param zoneOfNode a node's topology.kubernetes.io/zone label, or null */
    static List<Desired> compute(Service service, Collection<Pod> pods, Function<String, String> zoneOfNode, int maxPerSlice) {
        Map<String, List<EndpointPort>> portsOfGroup = new LinkedHashMap<>();
        Map<String, List<Endpoint>> groups = new TreeMap<>();
        for (Pod pod : pods) {
            if (!PodEndpoints.selects(service, pod) || !PodEndpoints.shouldBeInEndpoints(pod, true)) {
                continue;
            }
            List<EndpointPort> ports = portsOn(pod, service);
            if (ports == null) {
                continue;
            }
            String groupKey = ports.toString();
            portsOfGroup.putIfAbsent(groupKey, ports);
            groups.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(endpoint(pod, service, zoneOfNode));
        }
        List<Desired> slices = new ArrayList<>();
        groups.forEach((key, endpoints) -> {
            endpoints.sort(Comparator.comparing((Endpoint e) -> e.getAddresses().get(0))
                    .thenComparing(e -> e.getTargetRef().getName()));
            for (int from = 0; from < endpoints.size(); from += maxPerSlice) {
                slices.add(new Desired(portsOfGroup.get(key),
                        List.copyOf(endpoints.subList(from, Math.min(endpoints.size(), from + maxPerSlice)))));
            }
        });
        return slices;
    }

    /** As in upstream's podToEndpoint: ready never while terminating, unless not-ready addresses are published. */
    static Endpoint endpoint(Pod pod, Service service, Function<String, String> zoneOfNode) {
        boolean serving = PodStates.isReady(pod);
        boolean terminating = PodStates.isTerminating(pod);
        boolean ready = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses()) || serving && !terminating;
        String nodeName = pod.getSpec().getNodeName();
        boolean onNode = nodeName != null && !nodeName.isEmpty();
        return new EndpointBuilder()
                .withAddresses(PodEndpoints.ipv4(pod))
                .withNewConditions().withReady(ready).withServing(serving).withTerminating(terminating).endConditions()
                .withTargetRef(PodEndpoints.targetRef(pod))
                .withNodeName(onNode ? nodeName : null)
                .withZone(onNode ? zoneOfNode.apply(nodeName) : null)
                .withHostname(PodEndpoints.hostnameFor(pod, service))
                .build();
    }

    /** Sorted ports of a pod; empty for a service without ports; null when none of the service's ports resolves. */
    private static List<EndpointPort> portsOn(Pod pod, Service service) {
        List<ServicePort> servicePorts = orEmpty(service.getSpec().getPorts());
        if (servicePorts.isEmpty()) {
            return List.of();
        }
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort servicePort : servicePorts) {
            OptionalInt port = PodEndpoints.findPort(pod, servicePort);
            if (port.isPresent()) {
                ports.add(new EndpointPortBuilder().withName(servicePort.getName() == null ? "" : servicePort.getName())
                        .withPort(port.getAsInt()).withProtocol(PodEndpoints.protocolOf(servicePort.getProtocol()))
                        .withAppProtocol(servicePort.getAppProtocol()).build());
            }
        }
        ports.sort(PORT_ORDER);
        return ports.isEmpty() ? null : ports;
    }
}
