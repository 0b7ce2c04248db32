package io.kube4j.apiserver.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * The subject alternative names of the API server's serving certificate, normalised so that the set a
 * certificate carries can be compared with the set wanted now (IPs in {@link InetAddress} text form).
 */
record ServingNames(Set<String> dnsNames, Set<String> ipAddresses) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    /** Names every in-cluster client and local kubectl use to reach the API server. */
    private static final List<String> DEFAULT_DNS_NAMES = List.of("localhost", "kubernetes", "kubernetes.default",
            "kubernetes.default.svc", "kubernetes.default.svc.cluster.local");
    private static final List<String> DEFAULT_IP_ADDRESSES = List.of("127.0.0.1", "::1");

    /** The defaults, this machine's host name, and the given extra names and IP literals. */
    static ServingNames wanted(List<String> extraDnsNames, List<String> extraIpAddresses) {
        Set<String> dns = new TreeSet<>(DEFAULT_DNS_NAMES);
        localHostName().ifPresent(dns::add);
        extraDnsNames.forEach(name -> dns.add(name.toLowerCase(Locale.ROOT)));
        Set<String> ips = new TreeSet<>();
        DEFAULT_IP_ADDRESSES.forEach(ip -> ips.add(normaliseIp(ip)));
        extraIpAddresses.forEach(ip -> ips.add(normaliseIp(ip)));
        return new ServingNames(Set.copyOf(dns), Set.copyOf(ips));
    }

    static ServingNames of(X509Certificate certificate) {
        Set<String> dns = new TreeSet<>();
        Set<String> ips = new TreeSet<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            for (List<?> name : names == null ? List.<List<?>>of() : names) {
                int type = (Integer) name.get(0);
                if (type == SAN_DNS) {
                    dns.add(((String) name.get(1)).toLowerCase(Locale.ROOT));
                } else if (type == SAN_IP) {
                    ips.add(normaliseIp((String) name.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names: " + e.getMessage(), e);
        }
        return new ServingNames(Set.copyOf(dns), Set.copyOf(ips));
    }

    GeneralNames toGeneralNames() {
        List<GeneralName> names = new ArrayList<>();
        new TreeSet<>(dnsNames).forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        new TreeSet<>(ipAddresses).forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static String normaliseIp(String literal) {
        if (!IPAddress.isValid(literal)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            // A validated literal is parsed without any name lookup.
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static Optional<String> localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return name.isEmpty() || IPAddress.isValid(name) ? Optional.empty() : Optional.of(name);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
