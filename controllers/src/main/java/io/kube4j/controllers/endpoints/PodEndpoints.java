package io.kube4j.controllers.endpoints;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.PodStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What both endpoint controllers ask of a pod: whether it is an endpoint of a service at all, whether
 * it is ready, and which container port a service port's targetPort names.
 */
final class PodEndpoints {
    static final String HEADLESS_LABEL = "service.kubernetes.io/headless";

    private PodEndpoints() {
    }

    /** The pod's IPv4 address, or null while it has none. */
    static String ipv4(Pod pod) {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return ip == null || ip.isEmpty() || ip.contains(":") ? null : ip;
    }

    /**
     * Upstream's ShouldPodBeInEndpoints: finished pods (Succeeded/Failed) and pods without an IP never
     * are; terminating pods only when {@code includeTerminating}.
     */
    static boolean shouldBeInEndpoints(Pod pod, boolean includeTerminating) {
        if (PodStates.isFinished(pod) || ipv4(pod) == null) {
            return false;
        }
        return includeTerminating || !PodStates.isTerminating(pod);
    }

    /**
     * The port a service port reaches on this pod: a numeric targetPort as is, a named one looked up
     * among the containers' (and restartable init containers') ports with the same protocol.
     */
    static OptionalInt findPort(Pod pod, ServicePort servicePort) {
        IntOrString target = servicePort.getTargetPort();
        if (target == null) {
            return OptionalInt.of(servicePort.getPort());
        }
        if (target.getStrVal() == null) {
            return OptionalInt.of(target.getIntVal());
        }
        String protocol = protocolOf(servicePort.getProtocol());
        List<Container> containers = new ArrayList<>(orEmpty(pod.getSpec().getContainers()));
        orEmpty(pod.getSpec().getInitContainers()).stream()
                .filter(c -> "Always".equals(c.getRestartPolicy())).forEach(containers::add);
        for (Container container : containers) {
            for (ContainerPort port : orEmpty(container.getPorts())) {
                if (target.getStrVal().equals(port.getName()) && protocol.equals(protocolOf(port.getProtocol()))) {
                    return OptionalInt.of(port.getContainerPort());
                }
            }
        }
        return OptionalInt.empty();
    }

    static String protocolOf(String protocol) {
        return protocol == null ? "TCP" : protocol;
    }

    /** Upstream sets an endpoint's hostname only for a pod that named this service as its subdomain. */
    static String hostnameFor(Pod pod, Service service) {
        String hostname = pod.getSpec().getHostname();
        boolean matches = hostname != null && !hostname.isEmpty()
                && Objects.equals(pod.getSpec().getSubdomain(), service.getMetadata().getName())
                && Objects.equals(pod.getMetadata().getNamespace(), service.getMetadata().getNamespace());
        return matches ? hostname : null;
    }

    static ObjectReference targetRef(Pod pod) {
        return new ObjectReferenceBuilder().withKind("Pod").withNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).build();
    }

    /** Whether a service selects the pod: a set selector whose every label the pod carries. */
    static boolean selects(Service service, Pod pod) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()
                || !Objects.equals(service.getMetadata().getNamespace(), pod.getMetadata().getNamespace())) {
            return false;
        }
        return LabelSelectors.containsAll(pod.getMetadata().getLabels(), selector);
    }

    static boolean isHeadless(Service service) {
        return "None".equals(service.getSpec().getClusterIP());
    }

    /** Services whose endpoints the controllers manage: with a selector, and not the API server's own. */
    static boolean isManaged(Service service) {
        boolean apiServerOwn = "default".equals(service.getMetadata().getNamespace())
                && "kubernetes".equals(service.getMetadata().getName());
        Map<String, String> selector = service.getSpec().getSelector();
        return !apiServerOwn && selector != null && !selector.isEmpty();
    }
}
