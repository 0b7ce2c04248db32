package io.kube4j.apiserver.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The user a client certificate authenticates, as Kubernetes reads it: the subject's common name is the
 * user name and each organization is a group.
 */
public record ClientIdentity(String userName, List<String> groups) {

    public ClientIdentity {
        groups = List.copyOf(groups);
    }

    /** @throws IllegalArgumentException if the certificate's subject has no common name */
    public static ClientIdentity fromCertificate(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String userName = null;
        List<String> groups = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(BCStyle.CN)) {
                    userName = text(attribute.getValue()); // like Go's x509 parsing, the last one wins
                } else if (attribute.getType().equals(BCStyle.O)) {
                    groups.add(text(attribute.getValue()));
                }
            }
        }
        if (userName == null || userName.isEmpty()) {
            throw new IllegalArgumentException("client certificate has no common name: " + subject);
        }
        return new ClientIdentity(userName, groups);
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
    }
}
