package io.kube4j.node.sim;

import java.util.BitSet;

/**
 * The pod addresses of one node's pod CIDR, handed out like the host-local IPAM plugin does: the
 * search for a free address starts after the last one given, so a released address is reused only
 * after the others. The network address, the gateway (first address) and the broadcast address are
 * never given.
 */
final class PodIpPool {
    private final Ipv4Block block;
    private final BitSet used;
    private final int first;
    private final int last;
    private int next;

    PodIpPool(Ipv4Block block) {
        this.block = block;
        this.first = 2;
        this.last = (int) block.size() - 2;
        this.used = new BitSet(last + 1);
        this.next = first;
    }

    /** A free address, or null when the block is exhausted. */
    synchronized String allocate() {
        int span = last - first + 1;
        for (int i = 0; i < span; i++) {
            int offset = first + (next - first + i) % span;
            if (!used.get(offset)) {
                used.set(offset);
                next = offset == last ? first : offset + 1;
                return Ipv4Block.format(block.address(offset));
            }
        }
        return null;
    }

    /** Marks an address already in use (a pod found running at start-up); false if it is not in this pool. */
    synchronized boolean reserve(String ip) {
        Integer offset = offsetOf(ip);
        if (offset == null) {
            return false;
        }
        used.set(offset);
        return true;
    }

    synchronized void release(String ip) {
        Integer offset = offsetOf(ip);
        if (offset != null) {
            used.clear(offset);
        }
    }

    synchronized int inUse() {
        return used.cardinality();
    }

    private Integer offsetOf(String ip) {
        if (ip == null) {
            return null;
        }
        long address;
        try {
            address = Ipv4Block.parseAddress(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!block.contains(address)) {
            return null;
        }
        int offset = (int) (address - block.base());
        return offset >= first && offset <= last ? offset : null;
    }
}
