package io.kube4j.scheduler.framework;

/** A host port a container asks for; an empty IP means all addresses (0.0.0.0), an empty protocol TCP. */
public record HostPort(String ip, String protocol, int port) {
    public static final String ALL_ADDRESSES = "0.0.0.0";

    public static HostPort of(String ip, String protocol, int port) {
        return new HostPort(ip == null || ip.isEmpty() ? ALL_ADDRESSES : ip,
                protocol == null || protocol.isEmpty() ? "TCP" : protocol, port);
    }

    /** Whether the two cannot both be bound: same protocol and port, and the same address or either on all addresses. */
    public boolean conflictsWith(HostPort other) {
        return port == other.port && protocol.equals(other.protocol)
                && (ip.equals(other.ip) || ip.equals(ALL_ADDRESSES) || other.ip.equals(ALL_ADDRESSES));
    }
}
