package io.kube4j.apiserver.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The cluster's self-signed CA: creates itself and signs serving and client certificates (ECDSA P-256). */
final class CertificateAuthority {

    static final String CA_COMMON_NAME = "kube4j-ca";
    static final String SERVING_COMMON_NAME = "kube4j-apiserver";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    /** Leaf certificates this close to expiry are reissued at start-up. */
    private static final Duration RENEWAL_MARGIN = Duration.ofDays(30);
    /** Tolerates clocks of other machines being slightly behind. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCertificate ca;

    CertificateAuthority(IssuedCertificate ca) {
        this.ca = ca;
    }

    static CertificateAuthority create() {
        KeyPair keys = newKeyPair();
        X500Name name = name(CA_COMMON_NAME, List.of());
        X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), CA_VALIDITY);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CA certificate: " + e.getMessage(), e);
        }
        return new CertificateAuthority(new IssuedCertificate(sign(builder, keys.getPrivate()), keys.getPrivate()));
    }

    IssuedCertificate credentials() {
        return ca;
    }

    IssuedCertificate issueServing(ServingNames names) {
        return issueLeaf(name(SERVING_COMMON_NAME, List.of()), KeyPurposeId.id_kp_serverAuth,
                Optional.of(names.toGeneralNames()));
    }

    IssuedCertificate issueClient(String commonName, List<String> organizations) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("a client certificate needs a common name (the user name)");
        }
        return issueLeaf(name(commonName, organizations), KeyPurposeId.id_kp_clientAuth, Optional.empty());
    }

    /**
     * Whether a stored leaf can still be used: signed by this CA, valid beyond the renewal margin, and
     * its private key belongs to its certificate (a crash between writing the two files could break that).
     */
    boolean isUsable(IssuedCertificate leaf) {
        try {
            leaf.certificate().verify(ca.certificate().getPublicKey());
            leaf.certificate().checkValidity(Date.from(Instant.now().plus(RENEWAL_MARGIN)));
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(leaf.privateKey());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(leaf.certificate());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private IssuedCertificate issueLeaf(X500Name subject, KeyPurposeId purpose,
            Optional<GeneralNames> alternativeNames) {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuer, subject, keys.getPublic(), LEAF_VALIDITY);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            if (alternativeNames.isPresent()) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames.get());
            }
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate for " + subject + ": " + e.getMessage(), e);
        }
        return new IssuedCertificate(sign(builder, ca.privateKey()), keys.getPrivate());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        // Positive 127-bit serial: unique in practice and within the 20 octets RFC 5280 allows.
        BigInteger serial = new BigInteger(127, RANDOM);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate: " + e.getMessage(), e);
        }
    }

    private static X500Name name(String commonName, List<String> organizations) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        organizations.forEach(organization -> name.addRDN(BCStyle.O, organization));
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key pair: " + e.getMessage(), e);
        }
    }
}
