package io.kube4j.apiserver.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text for certificates ("CERTIFICATE") and private keys ("EC PRIVATE KEY"; PKCS#8 read too). */
final class Pem {

    private Pem() {
    }

    static String encode(X509Certificate certificate) {
        return write(certificate);
    }

    /**
     * The traditional OpenSSL form ("EC PRIVATE KEY"), as k3s writes it: clients such as fabric8
     * take an unlabelled PKCS#8 "PRIVATE KEY" for RSA.
     */
    static String encode(PrivateKey key) {
        if (!key.getAlgorithm().equals("EC")) {
            return write(key);
        }
        try {
            // SEC1 with the curve named in the structure itself: Go's x509 needs it, BouncyCastle omits it.
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
            ECPrivateKey sec1 = new ECPrivateKey(((java.security.interfaces.ECPrivateKey) key).getParams().getOrder().bitLength(),
                    inner.getKey(), inner.getPublicKey(), info.getPrivateKeyAlgorithm().getParameters());
            return write(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate certificate(String pem) {
        Object object = read(pem);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IllegalArgumentException("PEM data does not hold a certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
    }

    /** Reads a PKCS#8 key or a traditional OpenSSL ("EC/RSA PRIVATE KEY") key. */
    static PrivateKey privateKey(String pem) {
        Object object = read(pem);
        PrivateKeyInfo info = switch (object) {
            case PrivateKeyInfo pkcs8 -> pkcs8;
            case PEMKeyPair pair -> pair.getPrivateKeyInfo();
            case null, default -> throw new IllegalArgumentException("PEM data does not hold a private key");
        };
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid private key: " + e.getMessage(), e);
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM data: " + e.getMessage(), e);
        }
    }
}
