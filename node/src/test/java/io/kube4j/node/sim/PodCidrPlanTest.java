package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PodCidrPlanTest {

    @Test
    void fewNodesGetSlash24sInOrder() {
        PodCidrPlan plan = PodCidrPlan.of("10.244.0.0/16", 3, 110);
        assertEquals(24, plan.nodePrefix());
        assertEquals("10.244.0.0/24", plan.nodeBlock(0).toString());
        assertEquals("10.244.1.0/24", plan.nodeBlock(1).toString());
        assertEquals("10.244.2.0/24", plan.nodeBlock(2).toString());
    }

    @Test
    void moreThan256NodesInASlash16GetSlash25s() {
        PodCidrPlan plan = PodCidrPlan.of("10.244.0.0/16", 512, 110);
        assertEquals(25, plan.nodePrefix());
        assertEquals("10.244.0.128/25", plan.nodeBlock(1).toString());
        assertEquals("10.244.255.128/25", plan.nodeBlock(511).toString());
    }

    @Test
    void aClusterCidrTooSmallForThePodsIsRefusedWithTheCidrThatFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PodCidrPlan.of("10.244.0.0/16", 5000, 110));
        assertEquals("cluster CIDR 10.244.0.0/16 is too small for 5000 nodes with 110 pods each: every node needs"
                + " a /25; use a cluster CIDR of at most /12", e.getMessage());
    }

    @Test
    void fiveThousandNodesGetDistinctNonOverlappingBlocksInALargerCidr() {
        PodCidrPlan plan = PodCidrPlan.of("10.128.0.0/9", 5000, 110);
        assertEquals(24, plan.nodePrefix());
        Ipv4Block cluster = Ipv4Block.parse("10.128.0.0/9");
        long previousEnd = -1;
        for (int i = 0; i < 5000; i++) {
            Ipv4Block block = plan.nodeBlock(i);
            assertTrue(block.base() > previousEnd, "block " + i + " overlaps the one before");
            assertTrue(cluster.contains(block.base()) && cluster.contains(block.base() + block.size() - 1));
            previousEnd = block.base() + block.size() - 1;
        }
        assertEquals("10.147.135.0/24", plan.nodeBlock(4999).toString());
    }

    @Test
    void moreAddressesPerNodeForALargerPodsCapacity() {
        assertEquals(23, PodCidrPlan.of("10.244.0.0/16", 10, 300).nodePrefix());
    }

    @Test
    void blocksAreValidatedAndMatched() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Block.parse("10.244.0.1/16"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Block.parse("10.244.0.0"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Block.parse("10.300.0.0/16"));
        Ipv4Block block = Ipv4Block.parse("10.244.3.0/24");
        assertTrue(block.contains(Ipv4Block.parseAddress("10.244.3.255")));
        assertFalse(block.contains(Ipv4Block.parseAddress("10.244.4.0")));
    }
}
