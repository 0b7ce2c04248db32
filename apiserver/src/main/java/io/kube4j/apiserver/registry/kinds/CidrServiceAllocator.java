package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Allocates cluster IPs from an IPv4 service CIDR and node ports from a port range. What is in use
 * is read from the stored services each time; what was just handed out is remembered for a short
 * while, so that two creates racing to the store cannot get the same value. A reservation ends as
 * soon as the value shows up in a stored service (or after {@link #RESERVATION_TTL}), so a deleted
 * service's IP is free again at once.
 */
public final class CidrServiceAllocator implements ServiceAllocator {
    public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
    public static final int DEFAULT_NODE_PORT_MIN = 30000;
    public static final int DEFAULT_NODE_PORT_MAX = 32767;
    static final Duration RESERVATION_TTL = Duration.ofSeconds(30);

    private final Ipv4Cidr cidr;
    private final int nodePortMin;
    private final int nodePortMax;
    private final Supplier<Collection<JsonNode>> services;
    private final Clock clock;
    private final Map<String, Instant> reservedIps = new HashMap<>();
    private final Map<Integer, Instant> reservedPorts = new HashMap<>();

    /** The defaults: 10.96.0.0/12 and 30000-32767. */
    public CidrServiceAllocator(Supplier<Collection<JsonNode>> services) {
        this(DEFAULT_SERVICE_CIDR, DEFAULT_NODE_PORT_MIN, DEFAULT_NODE_PORT_MAX, services, Clock.systemUTC());
    }

    /**
     * @param serviceCidr an IPv4 CIDR; its first address is kept for the {@code kubernetes} service
     *                    (given only when asked for by value)
     * @param services    the stored services, read on every allocation
     */
    public CidrServiceAllocator(String serviceCidr, int nodePortMin, int nodePortMax,
                                Supplier<Collection<JsonNode>> services, Clock clock) {
        if (nodePortMin < 1 || nodePortMax > 65535 || nodePortMin > nodePortMax) {
            throw new IllegalArgumentException("invalid node port range " + nodePortMin + "-" + nodePortMax);
        }
        this.cidr = Ipv4Cidr.parse(serviceCidr);
        this.nodePortMin = nodePortMin;
        this.nodePortMax = nodePortMax;
        this.services = services;
        this.clock = clock;
    }

    /** The first address of the range, which the {@code kubernetes} service gets. */
    public String apiServerServiceIP() {
        return Ipv4Cidr.format(cidr.first());
    }

    @Override
    public synchronized String allocateClusterIP(String requested) {
        if (HEADLESS.equals(requested)) {
            return HEADLESS;
        }
        Set<String> used = usedIps();
        if (requested != null && !requested.isEmpty()) {
            Long address = Ipv4Cidr.parseAddress(requested);
            if (address == null || !cidr.contains(address)) {
                throw new AllocationException("failed to allocate IP " + requested + ": the provided IP (" + requested
                        + ") is not in the valid range. The range of valid IPs is " + cidr);
            }
            if (used.contains(requested)) {
                throw new AllocationException("failed to allocate IP " + requested + ": provided IP is already allocated");
            }
            return reserve(requested);
        }
        for (long address = cidr.first() + 1; address <= cidr.last(); address++) {
            String ip = Ipv4Cidr.format(address);
            if (!used.contains(ip)) {
                return reserve(ip);
            }
        }
        throw ApiException.internal("failed to allocate a serviceIP: range is full");
    }

    @Override
    public synchronized int allocateNodePort(int requested) {
        Set<Integer> used = usedPorts();
        if (requested != 0) {
            if (requested < nodePortMin || requested > nodePortMax) {
                throw new AllocationException("provided port is not in the valid range. The range of valid ports is "
                        + nodePortMin + "-" + nodePortMax);
            }
            if (used.contains(requested)) {
                throw new AllocationException("provided port is already allocated");
            }
            reservedPorts.put(requested, clock.instant().plus(RESERVATION_TTL));
            return requested;
        }
        for (int port = nodePortMin; port <= nodePortMax; port++) {
            if (!used.contains(port)) {
                reservedPorts.put(port, clock.instant().plus(RESERVATION_TTL));
                return port;
            }
        }
        throw ApiException.internal("failed to allocate a nodePort: range is full");
    }

    private String reserve(String ip) {
        reservedIps.put(ip, clock.instant().plus(RESERVATION_TTL));
        return ip;
    }

    /** IPs of stored services plus live reservations (dropping those that are stored or expired). */
    private Set<String> usedIps() {
        Set<String> stored = new HashSet<>();
        for (JsonNode service : services.get()) {
            JsonNode spec = service.path("spec");
            stored.addAll(Trees.strings(spec, "clusterIPs"));
            if (Trees.text(spec, "clusterIP") != null) {
                stored.add(spec.get("clusterIP").asText());
            }
        }
        Instant now = clock.instant();
        reservedIps.entrySet().removeIf(e -> stored.contains(e.getKey()) || e.getValue().isBefore(now));
        stored.addAll(reservedIps.keySet());
        return stored;
    }

    private Set<Integer> usedPorts() {
        Set<Integer> stored = new HashSet<>();
        for (JsonNode service : services.get()) {
            JsonNode spec = service.path("spec");
            Trees.objects(spec, "ports").forEach(p -> stored.add(p.path("nodePort").asInt(0)));
            stored.add(spec.path("healthCheckNodePort").asInt(0));
        }
        stored.remove(0);
        Instant now = clock.instant();
        reservedPorts.entrySet().removeIf(e -> stored.contains(e.getKey()) || e.getValue().isBefore(now));
        stored.addAll(reservedPorts.keySet());
        return stored;
    }

    /** An IPv4 CIDR; {@link #first()} and {@link #last()} exclude the network and broadcast addresses. */
    private record Ipv4Cidr(long network, int prefix, String text) {

        static Ipv4Cidr parse(String text) {
            int slash = text.indexOf('/');
            Long address = slash < 0 ? null : parseAddress(text.substring(0, slash));
            int prefix;
            try {
                prefix = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (address == null || prefix < 1 || prefix > 30) {
                throw new IllegalArgumentException("invalid IPv4 service CIDR (prefix /1 to /30): " + text);
            }
            long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return new Ipv4Cidr(address & mask, prefix, format(address & mask) + "/" + prefix);
        }

        long first() {
            return network + 1;
        }

        long last() {
            return network + (1L << (32 - prefix)) - 2;
        }

        boolean contains(long address) {
            return address >= first() && address <= last();
        }

        @Override
        public String toString() {
            return text;
        }

        /** A dotted-quad IPv4 address as a number, or null if {@code text} is not one. */
        static Long parseAddress(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            long value = 0;
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return null;
                }
                value = value << 8 | octet;
            }
            return value;
        }

        static String format(long address) {
            return (address >> 24 & 0xFF) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "." + (address & 0xFF);
        }
    }
}
