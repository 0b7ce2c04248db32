package io.kube4j.apiserver.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The cluster's TLS material under {@code <dataDir>/tls/}: a self-signed CA ({@code ca.crt}/{@code ca.key}),
 * the API server's serving certificate ({@code apiserver.*}) and the admin client certificate
 * ({@code admin.*}, user {@code kube4j-admin} in group {@code system:masters}). Created on first start;
 * later starts reuse them, reissuing a leaf when it is near expiry, no longer signed by the CA, or (for the
 * serving certificate) when the wanted subject alternative names changed. Keys are written with mode 0600.
 */
public final class ClusterCertificates {

    public static final String ADMIN_USER = "kube4j-admin";
    public static final String ADMIN_GROUP = "system:masters";

    static final String TLS_DIRECTORY = "tls";
    static final String CA = "ca";
    static final String SERVING = "apiserver";
    static final String ADMIN = "admin";

    /** Protects only the in-memory key store handed to the TLS stack; nothing is stored with it. */
    private static final String KEY_STORE_PASSWORD = "kube4j";
    private static final String SERVING_ALIAS = "kube4j-apiserver";
    private static final String CA_ALIAS = "kube4j-ca";

    private final CertificateAuthority authority;
    private final IssuedCertificate serving;
    private final IssuedCertificate admin;

    private ClusterCertificates(CertificateAuthority authority, IssuedCertificate serving, IssuedCertificate admin) {
        this.authority = authority;
        this.serving = serving;
        this.admin = admin;
    }

    /**
     * Loads the cluster's certificates from {@code dataDir/tls}, creating whatever is missing or stale.
     *
     * @param dnsNames extra DNS names for the serving certificate (localhost, the host name and the
     *        in-cluster {@code kubernetes.default.svc...} names are always included)
     * @param ipAddresses extra IP literals for it, e.g. the first service IP 10.96.0.1
     *        (127.0.0.1 and ::1 are always included)
     * @throws IOException if the files cannot be read or written, or a stored one is malformed
     */
    public static ClusterCertificates loadOrCreate(Path dataDir, List<String> dnsNames, List<String> ipAddresses)
            throws IOException {
        Path directory = dataDir.resolve(TLS_DIRECTORY);
        CertificateAuthority authority = new CertificateAuthority(loadOrIssue(directory, CA,
                ca -> new CertificateAuthority(ca).isUsable(ca), () -> CertificateAuthority.create().credentials()));
        ServingNames names = ServingNames.wanted(dnsNames, ipAddresses);
        IssuedCertificate serving = loadOrIssue(directory, SERVING,
                leaf -> authority.isUsable(leaf) && ServingNames.of(leaf.certificate()).equals(names),
                () -> authority.issueServing(names));
        IssuedCertificate admin = loadOrIssue(directory, ADMIN, authority::isUsable,
                () -> authority.issueClient(ADMIN_USER, List.of(ADMIN_GROUP)));
        return new ClusterCertificates(authority, serving, admin);
    }

    public X509Certificate caCertificate() {
        return authority.credentials().certificate();
    }

    public String caCertificatePem() {
        return authority.credentials().certificatePem();
    }

    public IssuedCertificate servingCertificate() {
        return serving;
    }

    /** The admin client credentials, for the kubeconfig written at start-up. */
    public IssuedCertificate adminCertificate() {
        return admin;
    }

    /** A new client certificate (not stored) for user {@code commonName} in groups {@code organizations}. */
    public IssuedCertificate issueClientCertificate(String commonName, List<String> organizations) {
        return authority.issueClient(commonName, organizations);
    }

    /** A fresh PKCS12 key store holding the serving key with its chain (serving certificate, CA). */
    public KeyStore serverKeyStore() {
        KeyStore store = emptyKeyStore();
        try {
            store.setKeyEntry(SERVING_ALIAS, serving.privateKey(), KEY_STORE_PASSWORD.toCharArray(),
                    new Certificate[] {serving.certificate(), caCertificate()});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server key store: " + e.getMessage(), e);
        }
        return store;
    }

    /** The password of {@link #serverKeyStore()} and of its key entry. */
    public String keyStorePassword() {
        return KEY_STORE_PASSWORD;
    }

    /** A fresh PKCS12 trust store holding only the cluster CA, to verify client certificates. */
    public KeyStore trustStore() {
        KeyStore store = emptyKeyStore();
        try {
            store.setCertificateEntry(CA_ALIAS, caCertificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust store: " + e.getMessage(), e);
        }
        return store;
    }

    private static IssuedCertificate loadOrIssue(Path directory, String name, Predicate<IssuedCertificate> usable,
            Supplier<IssuedCertificate> issue) throws IOException {
        Optional<IssuedCertificate> stored = read(directory, name).filter(usable);
        if (stored.isPresent()) {
            return stored.get();
        }
        IssuedCertificate issued = issue.get();
        SecureFiles.write(keyFile(directory, name), issued.privateKeyPem(), SecureFiles.OWNER_ONLY);
        SecureFiles.write(certificateFile(directory, name), issued.certificatePem(), SecureFiles.WORLD_READABLE);
        return issued;
    }

    private static Optional<IssuedCertificate> read(Path directory, String name) throws IOException {
        Path certificateFile = certificateFile(directory, name);
        Path keyFile = keyFile(directory, name);
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IssuedCertificate(
                    Pem.certificate(Files.readString(certificateFile, StandardCharsets.UTF_8)),
                    Pem.privateKey(Files.readString(keyFile, StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read " + certificateFile + " or " + keyFile + ": " + e.getMessage(), e);
        }
    }

    static Path certificateFile(Path directory, String name) {
        return directory.resolve(name + ".crt");
    }

    static Path keyFile(Path directory, String name) {
        return directory.resolve(name + ".key");
    }

    private static KeyStore emptyKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS12 key stores are unavailable: " + e.getMessage(), e);
        }
    }
}
