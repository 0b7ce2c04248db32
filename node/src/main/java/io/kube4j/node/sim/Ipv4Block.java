package io.kube4j.node.sim;

/** An IPv4 CIDR block such as {@code 10.244.3.0/24}; addresses are held as unsigned 32-bit values in a long. */
record Ipv4Block(long base, int prefix) {

    Ipv4Block {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("invalid CIDR prefix length " + prefix);
        }
        if ((base & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + format(base) + "/" + prefix
                    + " has host bits set");
        }
    }

    /** Parses {@code a.b.c.d/n}; host bits must be zero, as in a network address. */
    static Ipv4Block parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        try {
            return new Ipv4Block(parseAddress(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr, e);
        }
    }

    static long parseAddress(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("invalid IPv4 address: " + text);
        }
        long value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255 || octet.isEmpty()) {
                throw new IllegalArgumentException("invalid IPv4 address: " + text);
            }
            value = value << 8 | part;
        }
        return value;
    }

    static String format(long address) {
        return (address >>> 24 & 0xff) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
    }

    long size() {
        return 1L << (32 - prefix);
    }

    /** The address {@code offset} places after the network address. */
    long address(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + this);
        }
        return base + offset;
    }

    boolean contains(long address) {
        return (address & mask(prefix)) == base;
    }

    /** The {@code index}-th sub-block of length {@code subPrefix}, counting from this block's start. */
    Ipv4Block subBlock(int subPrefix, long index) {
        long count = 1L << (subPrefix - prefix);
        if (subPrefix < prefix || index < 0 || index >= count) {
            throw new IllegalArgumentException("no /" + subPrefix + " number " + index + " in " + this);
        }
        return new Ipv4Block(base + (index << (32 - subPrefix)), subPrefix);
    }

    @Override
    public String toString() {
        return format(base) + "/" + prefix;
    }
}
