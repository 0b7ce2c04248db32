package io.kube4j.apiserver.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate together with its private key, as handed to a server or a client. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    public String privateKeyPem() {
        return Pem.encode(privateKey);
    }
}
