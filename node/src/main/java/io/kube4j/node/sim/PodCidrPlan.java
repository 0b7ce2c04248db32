package io.kube4j.node.sim;

/**
 * How the cluster CIDR is carved into one pod CIDR per simulated node, so that every node of a run
 * gets a distinct, non-overlapping block.
 *
 * <p>The per-node block is a /24, like upstream's default {@code --node-cidr-mask-size}, as long as
 * the cluster CIDR holds one /24 per node (256 nodes in the default 10.244.0.0/16). For more nodes
 * the blocks shrink to the smallest power of two that still numbers every node, but never below
 * what a node's pods need: {@code maxPods} addresses plus the network address, the gateway (.1)
 * and the broadcast address (a /25 for 110 pods, so 512 nodes in a /16). Larger fleets need a
 * larger cluster CIDR: 5,000 nodes fit as /24s in a /11 (e.g. 10.128.0.0/9 holds 32,768 of them).
 * Node {@code i} gets block number {@code i}.
 */
final class PodCidrPlan {
    /** Addresses of a node block no pod can have: network, gateway and broadcast. */
    static final int RESERVED_ADDRESSES = 3;
    private static final int DEFAULT_NODE_PREFIX = 24;

    private final Ipv4Block cluster;
    private final int nodePrefix;
    private final int nodes;

    private PodCidrPlan(Ipv4Block cluster, int nodePrefix, int nodes) {
        this.cluster = cluster;
        this.nodePrefix = nodePrefix;
        this.nodes = nodes;
    }

    static PodCidrPlan of(String clusterCidr, int nodes, int maxPods) {
        Ipv4Block cluster = Ipv4Block.parse(clusterCidr);
        int largestPrefixForPods = 32 - bitsFor(maxPods + RESERVED_ADDRESSES);
        int prefixForCount = cluster.prefix() + bitsFor(nodes);
        int nodePrefix = Math.max(Math.min(DEFAULT_NODE_PREFIX, largestPrefixForPods), prefixForCount);
        if (nodePrefix > largestPrefixForPods) {
            throw new IllegalArgumentException("cluster CIDR " + clusterCidr + " is too small for " + nodes
                    + " nodes with " + maxPods + " pods each: every node needs a /" + largestPrefixForPods
                    + "; use a cluster CIDR of at most /" + (largestPrefixForPods - bitsFor(nodes)));
        }
        return new PodCidrPlan(cluster, nodePrefix, nodes);
    }

    /** The number of bits that count {@code n} distinct values (0 for one value). */
    private static int bitsFor(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    int nodePrefix() {
        return nodePrefix;
    }

    Ipv4Block nodeBlock(int index) {
        if (index < 0 || index >= nodes) {
            throw new IllegalArgumentException("node index " + index + " outside 0.." + (nodes - 1));
        }
        return cluster.subBlock(nodePrefix, index);
    }
}
