package io.kube4j.bench;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** SSL contexts for the JDK client built from PEM text, as found in a kubeconfig. */
final class TlsContexts {
    private static final char[] IN_MEMORY_PASSWORD = "bench".toCharArray();

    private TlsContexts() {
    }

    /** Trusts only {@code caPem} and presents no client certificate. */
    static SSLContext trusting(String caPem) {
        return build(caPem, null, null);
    }

    /** Trusts only {@code caPem} and authenticates with a client certificate and its PKCS#8 key. */
    static SSLContext withClientCertificate(String caPem, String certificatePem, String pkcs8KeyPem) {
        return build(caPem, certificatePem, pkcs8KeyPem);
    }

    private static SSLContext build(String caPem, String certificatePem, String keyPem) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", certificate(caPem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            KeyManagerFactory keys = null;
            if (certificatePem != null) {
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", privateKey(keyPem), IN_MEMORY_PASSWORD,
                        new Certificate[] {certificate(certificatePem)});
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, IN_MEMORY_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private static Certificate certificate(String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A PKCS#8 "PRIVATE KEY" block or an SEC1 "EC PRIVATE KEY" block (what kube4j writes). */
    private static PrivateKey privateKey(String pem) throws GeneralSecurityException, java.io.IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        }
        throw new GeneralSecurityException("the client key is neither a PKCS#8 (BEGIN PRIVATE KEY) nor an SEC1"
                + " (BEGIN EC PRIVATE KEY) PEM block");
    }
}
