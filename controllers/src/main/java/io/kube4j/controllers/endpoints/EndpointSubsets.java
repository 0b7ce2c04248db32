package io.kube4j.controllers.endpoints;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kube4j.controllers.PodStates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Computes a service's Endpoints subsets from its pods, as upstream's endpoints controller: one
 * address per pod with an IP (ready ones under {@code addresses}, the others under
 * {@code notReadyAddresses} unless the service publishes not-ready addresses), each with the ports
 * its targetPorts resolve to on that pod, then repacked so addresses sharing the same ports share a
 * subset.
 */
final class EndpointSubsets {
    private static final Comparator<EndpointPort> PORT_ORDER = Comparator
            .comparing((EndpointPort p) -> p.getName() == null ? "" : p.getName())
            .thenComparing(EndpointPort::getPort).thenComparing(EndpointPort::getProtocol);

    private EndpointSubsets() {
    }

    /** Ready and not-ready addresses of one group of identical ports. */
    private record Group(List<EndpointAddress> ready, List<EndpointAddress> notReady) {
    }

    static List<EndpointSubset> compute(Service service, Collection<Pod> pods) {
        boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
        Map<String, Group> groups = new TreeMap<>();
        Map<String, List<EndpointPort>> portsOfGroup = new LinkedHashMap<>();
        for (Pod pod : pods) {
            if (!PodEndpoints.selects(service, pod) || !PodEndpoints.shouldBeInEndpoints(pod, publishNotReady)) {
                continue;
            }
            List<EndpointPort> ports = portsOn(pod, service);
            if (ports == null) {
                continue;
            }
            String groupKey = ports.toString();
            portsOfGroup.putIfAbsent(groupKey, ports);
            Group group = groups.computeIfAbsent(groupKey, k -> new Group(new ArrayList<>(), new ArrayList<>()));
            (publishNotReady || PodStates.isReady(pod) ? group.ready : group.notReady).add(address(pod, service));
        }
        List<EndpointSubset> subsets = new ArrayList<>();
        groups.forEach((key, group) -> {
            group.ready.sort(Comparator.comparing(EndpointAddress::getIp));
            group.notReady.sort(Comparator.comparing(EndpointAddress::getIp));
            subsets.add(new EndpointSubsetBuilder()
                    .withAddresses(group.ready.isEmpty() ? null : group.ready)
                    .withNotReadyAddresses(group.notReady.isEmpty() ? null : group.notReady)
                    .withPorts(portsOfGroup.get(key).isEmpty() ? null : portsOfGroup.get(key)).build());
        });
        return subsets;
    }

    /**
     * The endpoint ports of a pod, sorted; empty for a headless service without ports; null when the
     * service has ports but none resolves on this pod (the pod then is no endpoint).
     */
    private static List<EndpointPort> portsOn(Pod pod, Service service) {
        List<ServicePort> servicePorts = orEmpty(service.getSpec().getPorts());
        if (servicePorts.isEmpty()) {
            return PodEndpoints.isHeadless(service) ? List.of() : null;
        }
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort servicePort : servicePorts) {
            OptionalInt port = PodEndpoints.findPort(pod, servicePort);
            if (port.isPresent()) {
                ports.add(new EndpointPortBuilder().withName(servicePort.getName()).withPort(port.getAsInt())
                        .withProtocol(PodEndpoints.protocolOf(servicePort.getProtocol()))
                        .withAppProtocol(servicePort.getAppProtocol()).build());
            }
        }
        ports.sort(PORT_ORDER);
        return ports.isEmpty() ? null : ports;
    }

    private static EndpointAddress address(Pod pod, Service service) {
        String nodeName = pod.getSpec().getNodeName();
        return new EndpointAddressBuilder().withIp(PodEndpoints.ipv4(pod))
                .withNodeName(nodeName == null || nodeName.isEmpty() ? null : nodeName)
                .withHostname(PodEndpoints.hostnameFor(pod, service))
                .withTargetRef(PodEndpoints.targetRef(pod)).build();
    }
}
