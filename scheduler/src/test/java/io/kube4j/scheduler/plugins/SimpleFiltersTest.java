package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NodeUnschedulable, NodeName and NodePorts. */
class SimpleFiltersTest {
    private final CycleState state = new CycleState();

    @Test
    void cordonedNodesTakeOnlyPodsToleratingTheUnschedulableTaint() {
        NodeInfo cordoned = nodeInfo(node("n", "4", "8Gi", 110).editSpec().withUnschedulable(true).endSpec().build());
        NodeUnschedulable plugin = new NodeUnschedulable();
        assertEquals("node(s) were unschedulable", plugin.filter(state, PodInfo.of(pod("p")), cordoned).message());
        Pod tolerating = pod("ds", null, null).editSpec().withTolerations(new TolerationBuilder()
                .withKey("node.kubernetes.io/unschedulable").withOperator("Exists").withEffect("NoSchedule").build())
                .endSpec().build();
        assertTrue(plugin.filter(state, PodInfo.of(tolerating), cordoned).isSuccess());
    }

    @Test
    void aPodNamingItsNodeFitsOnlyThere() {
        NodeName plugin = new NodeName();
        PodInfo pinned = PodInfo.of(pod("p", null, null).editSpec().withNodeName("a").endSpec().build());
        assertTrue(plugin.filter(state, pinned, nodeInfo(node("a"))).isSuccess());
        assertEquals("node(s) didn't match the requested node name", plugin.filter(state, pinned, nodeInfo(node("b"))).message());
    }

    private static Pod withHostPort(String name, String ip, int port) {
        return new PodBuilder(pod(name)).editSpec().editFirstContainer().withPorts(new ContainerPortBuilder()
                .withContainerPort(80).withHostPort(port).withHostIP(ip).build()).endContainer().endSpec().build();
    }

    @Test
    void hostPortsConflictOnTheSameAddressOrAllAddresses() {
        NodePorts plugin = new NodePorts();
        NodeInfo node = nodeInfo(node("n"), withHostPort("a", "10.0.0.1", 8080));
        Snapshot snapshot = Snapshot.of(List.of(node));
        PodInfo samePort = PodInfo.of(withHostPort("p", null, 8080));
        plugin.preFilter(state, samePort, snapshot);
        assertEquals(Code.UNSCHEDULABLE, plugin.filter(state, samePort, node).code());
        assertEquals("node(s) didn't have free ports for the requested pod ports", plugin.filter(state, samePort, node).message());
        assertTrue(plugin.filter(state, PodInfo.of(withHostPort("q", "10.0.0.2", 8080)), node).isSuccess());
        assertTrue(plugin.filter(state, PodInfo.of(withHostPort("r", "10.0.0.1", 8081)), node).isSuccess());
        assertTrue(plugin.preFilter(state, PodInfo.of(pod("none")), snapshot).status().isSkip());
    }
}
