package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One simulated node's own state: its addresses, its pod address pool, whether it runs, and its last heartbeats. */
final class SimulatedNode {
    /** Node addresses come from 172.16.0.0/12: private, and never routed anywhere by kube4j. */
    private static final Ipv4Block NODE_ADDRESSES = Ipv4Block.parse("172.16.0.0/12");

    private final int index;
    private final String name;
    private final Ipv4Block podCidr;
    private final String internalIp;
    private final PodIpPool podIps;
    private final AtomicBoolean heartbeatInFlight = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Lease lease;
    private volatile String uid;
    private volatile Instant readySince;
    private volatile Instant lastStatusReport = Instant.EPOCH;
    private volatile Instant lastRenewal = Instant.EPOCH;
    private volatile boolean statusDue;
    private volatile boolean registered;

    SimulatedNode(int index, String name, Ipv4Block podCidr) {
        this.index = index;
        this.name = name;
        this.podCidr = podCidr;
        this.internalIp = Ipv4Block.format(NODE_ADDRESSES.address(index + 1L));
        this.podIps = new PodIpPool(podCidr);
    }

    int index() {
        return index;
    }

    String name() {
        return name;
    }

    Ipv4Block podCidr() {
        return podCidr;
    }

    String internalIp() {
        return internalIp;
    }

    PodIpPool podIps() {
        return podIps;
    }

    boolean stopped() {
        return stopped;
    }

    void stopped(boolean value) {
        stopped = value;
    }

    Lease lease() {
        return lease;
    }

    void lease(Lease value) {
        lease = value;
    }

    String uid() {
        return uid;
    }

    void uid(String value) {
        uid = value;
    }

    Instant readySince() {
        return readySince;
    }

    void readySince(Instant value) {
        readySince = value;
    }

    Instant lastStatusReport() {
        return lastStatusReport;
    }

    void lastStatusReport(Instant value) {
        lastStatusReport = value;
    }

    /** When the Lease was last renewed by this simulation (EPOCH: not yet). */
    Instant lastRenewal() {
        return lastRenewal;
    }

    void lastRenewal(Instant value) {
        lastRenewal = value;
    }

    /** Whether the Node and Lease were written: heartbeats start then. */
    boolean isRegistered() {
        return registered;
    }

    void registered() {
        registered = true;
    }

    /** Whether the next heartbeat must post the status whatever its age. */
    boolean statusDue() {
        return statusDue;
    }

    void statusDue(boolean value) {
        statusDue = value;
    }

    /** Claims the node's heartbeat slot; false while the previous heartbeat is still being written. */
    boolean beginHeartbeat() {
        return heartbeatInFlight.compareAndSet(false, true);
    }

    void endHeartbeat() {
        heartbeatInFlight.set(false);
    }
}
