package io.kube4j.scheduler.testing;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nodes and pods for tests, shaped as a kubelet and a client would write them. */
public final class TestObjects {
    private TestObjects() {
    }

    /** A Ready node with allocatable cpu, memory and pods, labelled with its hostname. */
    public static NodeBuilder node(String name, String cpu, String memory, int pods) {
        Map<String, Quantity> resources = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
                "pods", new Quantity(String.valueOf(pods)), "ephemeral-storage", new Quantity("100Gi"));
        return new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(new HashMap<>(Map.of("kubernetes.io/hostname", name)))
                .endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().withCapacity(resources).withAllocatable(resources)
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .endStatus();
    }

    public static Node node(String name) {
        return node(name, "4", "8Gi", 110).build();
    }

    /** A pending pod in namespace "default" with one container requesting {@code cpu} and {@code memory} (null: none). */
    public static PodBuilder pod(String name, String cpu, String memory) {
        ContainerBuilder c = new ContainerBuilder().withName("app").withImage("nginx");
        Map<String, Quantity> requests = new HashMap<>();
        if (cpu != null) {
            requests.put("cpu", new Quantity(cpu));
        }
        if (memory != null) {
            requests.put("memory", new Quantity(memory));
        }
        if (!requests.isEmpty()) {
            c.withNewResources().withRequests(requests).endResources();
        }
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("default").withUid(UUID.randomUUID().toString())
                .withLabels(new HashMap<>()).withCreationTimestamp("2026-01-01T00:00:00Z").endMetadata()
                .withNewSpec().withContainers(c.build()).withSchedulerName("default-scheduler").withPriority(0).endSpec()
                .withNewStatus().withPhase("Pending").endStatus();
    }

    public static Pod pod(String name) {
        return pod(name, null, null).build();
    }

    public static Taint taint(String key, String value, String effect) {
        return new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build();
    }

    /** A node info with the given pods bound to it. */
    public static NodeInfo nodeInfo(Node node, Pod... pods) {
        NodeInfo info = new NodeInfo(node);
        for (Pod p : pods) {
            info.addPod(PodInfo.of(new PodBuilder(p).editSpec().withNodeName(node.getMetadata().getName()).endSpec().build()));
        }
        return info;
    }

    public static List<NodeInfo> nodeInfos(NodeInfo... infos) {
        return List.of(infos);
    }
}
