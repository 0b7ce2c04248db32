package io.kube4j.apiserver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 service CIDR and its first address (the {@code kubernetes} service's ClusterIP). */
public record ServiceNetwork(String cidr, String firstAddress) {

    public static ServiceNetwork parse(String cidr) {
        String[] parts = cidr.split("/");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a CIDR: " + cidr);
            }
            byte[] base = InetAddress.getByName(parts[0]).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            if (base.length != 4 || prefix < 8 || prefix > 30) {
                throw new IllegalArgumentException("service CIDR must be IPv4 with a prefix between /8 and /30: " + cidr);
            }
            int value = ((base[0] & 0xff) << 24 | (base[1] & 0xff) << 16 | (base[2] & 0xff) << 8 | (base[3] & 0xff))
                    & (int) (0xffffffffL << (32 - prefix));
            int first = value + 1;
            String address = (first >>> 24) + "." + (first >>> 16 & 0xff) + "." + (first >>> 8 & 0xff) + "." + (first & 0xff);
            return new ServiceNetwork(cidr, address);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + cidr, e);
        }
    }
}
