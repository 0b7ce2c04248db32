package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.Map;

/** Pods and services for the endpoint computations. */
final class TestPods {
    private TestPods() {
    }

    /** A running pod labelled app=web on node-a with a container port named "http" = {@code httpPort}. */
    static PodBuilder pod(String name, String ip, boolean ready, int httpPort) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("default").withUid("uid-" + name)
                .withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().withNodeName("node-a")
                .addNewContainer().withName("c").withImage("nginx").addNewPort().withName("http").withContainerPort(httpPort)
                .withProtocol("TCP").endPort().endContainer().endSpec()
                .withNewStatus().withPhase("Running").withPodIP(ip)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus();
    }

    static Pod ready(String name, String ip) {
        return pod(name, ip, true, 8080).build();
    }

    /** Service "web" selecting app=web with port 80 → targetPort "http" and port 9090 → 9090. */
    static ServiceBuilder service() {
        return new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace("default").withUid("svc-uid")
                .withLabels(Map.of("tier", "front")).endMetadata()
                .withNewSpec().withClusterIP("10.96.0.10").withSelector(Map.of("app", "web"))
                .withPorts(new ServicePortBuilder().withName("http").withPort(80).withProtocol("TCP")
                                .withTargetPort(new IntOrString("http")).build(),
                        new ServicePortBuilder().withName("metrics").withPort(9090).withProtocol("TCP")
                                .withTargetPort(new IntOrString(9090)).build())
                .endSpec();
    }

    static Service webService() {
        return service().build();
    }
}
