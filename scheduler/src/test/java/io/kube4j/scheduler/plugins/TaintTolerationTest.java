package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static io.kube4j.scheduler.testing.TestObjects.taint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintTolerationTest {
    private final TaintToleration plugin = new TaintToleration();
    private final CycleState state = new CycleState();

    private static NodeInfo tainted(String name, io.fabric8.kubernetes.api.model.Taint... taints) {
        return nodeInfo(node(name, "4", "8Gi", 110).editSpec().withTaints(taints).endSpec().build());
    }

    private static PodInfo tolerating(Toleration... tolerations) {
        return PodInfo.of(pod("p", null, null).editSpec().withTolerations(tolerations).endSpec().build());
    }

    @Test
    void anUntoleratedNoScheduleTaintRulesTheNodeOutNamingTheTaint() {
        Status s = plugin.filter(state, tolerating(), tainted("n", taint("dedicated", "gpu", "NoSchedule")));
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
        assertEquals("node(s) had untolerated taint {dedicated: gpu}", s.message());
        Status noExecute = plugin.filter(state, tolerating(), tainted("n", taint("node.kubernetes.io/not-ready", null, "NoExecute")));
        assertEquals("node(s) had untolerated taint {node.kubernetes.io/not-ready: }", noExecute.message());
    }

    @Test
    void tolerationsMatchByKeyValueEffectOrExists() {
        NodeInfo node = tainted("n", taint("dedicated", "gpu", "NoSchedule"));
        assertTrue(plugin.filter(state, tolerating(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                .withValue("gpu").withEffect("NoSchedule").build()), node).isSuccess());
        assertTrue(plugin.filter(state, tolerating(new TolerationBuilder().withKey("dedicated").withOperator("Exists")
                .build()), node).isSuccess());
        assertTrue(plugin.filter(state, tolerating(new TolerationBuilder().withOperator("Exists").build()), node).isSuccess());
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin.filter(state, tolerating(new TolerationBuilder()
                .withKey("dedicated").withValue("cpu").build()), node).code());
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin.filter(state, tolerating(new TolerationBuilder()
                .withKey("dedicated").withOperator("Exists").withEffect("NoExecute").build()), node).code());
    }

    @Test
    void preferNoScheduleTaintsOnlyLowerTheScore() {
        NodeInfo clean = tainted("clean");
        NodeInfo one = tainted("one", taint("a", "1", "PreferNoSchedule"));
        NodeInfo two = tainted("two", taint("a", "1", "PreferNoSchedule"), taint("b", "1", "PreferNoSchedule"));
        PodInfo pod = tolerating();
        assertTrue(plugin.filter(state, pod, two).isSuccess());
        List<NodeInfo> nodes = List.of(clean, one, two);
        long[] scores = {plugin.score(state, pod, clean), plugin.score(state, pod, one), plugin.score(state, pod, two)};
        plugin.normalize(state, pod, nodes, scores);
        assertArrayEquals(new long[] {100, 50, 0}, scores);
    }
}
