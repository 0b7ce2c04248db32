package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The Node and Lease objects a kubelet would register and keep posting for a simulated node. */
final class NodeManifests {
    static final String SIMULATED_LABEL = "kube4j.io/simulated";
    static final String LEASE_NAMESPACE = "kube-node-lease";
    static final String KUBELET_VERSION = "v1.32.4-kube4j-sim";
    private static final int KUBELET_PORT = 10250;

    private final SimulatedNodesConfig config;
    private final String bootId = UUID.randomUUID().toString();

    NodeManifests(SimulatedNodesConfig config) {
        this.config = config;
    }

    Node node(SimulatedNode node, Instant now) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(node.name())
                .withLabels(labels(node))
                .withAnnotations(Map.of("node.alpha.kubernetes.io/ttl", "0",
                        "volumes.kubernetes.io/controller-managed-attach-detach", "true"))
                .endMetadata()
                .withNewSpec()
                .withPodCIDR(node.podCidr().toString())
                .withPodCIDRs(node.podCidr().toString())
                .endSpec()
                .withStatus(status(node, now))
                .build();
    }

    private static Map<String, String> labels(SimulatedNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", node.name());
        labels.put("kubernetes.io/os", "linux");
        labels.put("node.kubernetes.io/instance-type", "kube4j-sim");
        labels.put(SIMULATED_LABEL, "true");
        return labels;
    }

    /** The full status: capacity, Ready and the pressure conditions heartbeating at {@code now}, addresses, node info. */
    NodeStatus status(SimulatedNode node, Instant now) {
        Map<String, Quantity> capacity = new LinkedHashMap<>();
        capacity.put("cpu", new Quantity(config.cpu()));
        capacity.put("ephemeral-storage", new Quantity(config.ephemeralStorage()));
        capacity.put("hugepages-1Gi", new Quantity("0"));
        capacity.put("hugepages-2Mi", new Quantity("0"));
        capacity.put("memory", new Quantity(config.memory()));
        capacity.put("pods", new Quantity(Integer.toString(config.pods())));
        String heartbeat = time(now);
        String since = time(node.readySince() == null ? now : node.readySince());
        UUID machine = UUID.nameUUIDFromBytes(node.name().getBytes(StandardCharsets.UTF_8));
        return new NodeStatusBuilder()
                .withCapacity(capacity)
                .withAllocatable(new LinkedHashMap<>(capacity))
                .withConditions(
                        condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                                "kubelet has sufficient memory available", heartbeat, since),
                        condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                                "kubelet has no disk pressure", heartbeat, since),
                        condition("PIDPressure", "False", "KubeletHasSufficientPID",
                                "kubelet has sufficient PID available", heartbeat, since),
                        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", heartbeat, since))
                .addNewAddress().withType("InternalIP").withAddress(node.internalIp()).endAddress()
                .addNewAddress().withType("Hostname").withAddress(node.name()).endAddress()
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(KUBELET_PORT).endKubeletEndpoint()
                .endDaemonEndpoints()
                .withNewNodeInfo()
                .withMachineID(machine.toString().replace("-", ""))
                .withSystemUUID(machine.toString())
                .withBootID(bootId)
                .withKernelVersion("6.8.0-kube4j-sim")
                .withOsImage("kube4j simulated node")
                .withContainerRuntimeVersion("kube4j-sim://1")
                .withKubeletVersion(KUBELET_VERSION)
                .withKubeProxyVersion("")
                .withOperatingSystem("linux")
                .withArchitecture("amd64")
                .endNodeInfo()
                .build();
    }

    private static NodeCondition condition(String type, String status, String reason, String message,
                                           String heartbeat, String since) {
        return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastHeartbeatTime(heartbeat).withLastTransitionTime(since).build();
    }

    /** The node's Lease in kube-node-lease, owned by the Node so it goes when the Node does. */
    Lease lease(SimulatedNode node, Instant now) {
        LeaseBuilder lease = new LeaseBuilder()
                .withNewMetadata().withName(node.name()).withNamespace(LEASE_NAMESPACE).endMetadata()
                .withNewSpec()
                .withHolderIdentity(node.name())
                .withLeaseDurationSeconds(config.leaseDurationSeconds())
                .withRenewTime(now.atZone(ZoneOffset.UTC))
                .endSpec();
        if (node.uid() != null) {
            lease.editMetadata().addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(node.name())
                    .withUid(node.uid()).endOwnerReference().endMetadata();
        }
        return lease.build();
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
