package io.kube4j.cli;

import io.kube4j.apiserver.join.CaCertsHandler;
import io.kube4j.apiserver.join.JoinToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Decides which CA an agent trusts for the server, before any credential is sent: the {@code --server-ca}
 * file, or else the CA the server serves at {@code /cacerts}; either way, when the join token carries a
 * CA hash, the CA (the first certificate) must have that hash.
 */
final class ServerTrust {
    private ServerTrust() {
    }

    /** The PEM of the CA bundle to verify the server with. */
    static String caPem(JoinSettings join) throws JoinException, InterruptedException {
        boolean fromFile = join.serverCa() != null;
        String source = fromFile ? join.serverCa().toString() : join.server().resolve(CaCertsHandler.PATH).toString();
        String pem = fromFile ? read(join) : CaCertsFetch.fetch(join.server());
        X509Certificate ca = certificates(pem, source).getFirst();
        JoinToken token = join.token();
        if (token.hasCaHash() && !token.pins(ca)) {
            throw new JoinException("token CA hash does not match the cluster CA certificate hash: " + token.caHash()
                    + " != " + JoinToken.caHash(ca) + " (CA from " + source + "); refusing to send the token");
        }
        return pem;
    }

    private static String read(JoinSettings join) throws JoinException {
        try {
            return Files.readString(join.serverCa(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JoinException("cannot read --server-ca " + join.serverCa() + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(String pem, String source) throws JoinException {
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8))).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new JoinException(source + " holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new JoinException(source + " does not hold PEM certificates: " + e.getMessage(), e);
        }
    }
}
