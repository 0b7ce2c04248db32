package io.kube4j.apiserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    private final CertificateAuthority authority = CertificateAuthority.create();

    @Test
    void commonNameIsTheUserAndOrganizationsAreGroups() {
        IssuedCertificate issued = authority.issueClient("jane", List.of("dev", "ops, on-call"));

        assertEquals(new ClientIdentity("jane", List.of("dev", "ops, on-call")),
                ClientIdentity.fromCertificate(issued.certificate()));
    }

    @Test
    void certificateWithoutCommonNameIsRejected() throws Exception {
        X509Certificate anonymous = selfSigned(new X500Name("O=dev"));

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ClientIdentity.fromCertificate(anonymous));
        assertEquals("client certificate has no common name: O=dev", error.getMessage());
    }

    @Test
    void clientCertificatesNeedAUserName() {
        assertThrows(IllegalArgumentException.class, () -> authority.issueClient(" ", List.of("dev")));
    }

    private static X509Certificate selfSigned(X500Name subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now), Date.from(now.plusSeconds(3600)), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
