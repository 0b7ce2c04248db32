package io.kube4j.apiserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCertificatesTest {

    private static final List<String> SERVICE_IP = List.of("10.96.0.1");

    @TempDir
    Path dataDir;

    @Test
    void createsCaServingAndAdminFilesWithPrivateKeys() throws IOException {
        ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);

        Path tls = dataDir.resolve("tls");
        for (String name : List.of("ca", "apiserver", "admin")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(name + ".key"))));
            assertTrue(Files.readString(tls.resolve(name + ".crt")).startsWith("-----BEGIN CERTIFICATE-----"));
        }
        X509Certificate ca = certificates.caCertificate();
        assertEquals("CN=kube4j-ca", ca.getSubjectX500Principal().getName());
        assertTrue(ca.getBasicConstraints() >= 0, "CA certificate must allow signing");
        assertTrue(ca.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3640))));
        assertEquals(certificates.caCertificatePem(), Files.readString(tls.resolve("ca.crt")));
    }

    @Test
    void laterStartsReuseTheStoredCertificates() throws IOException {
        ClusterCertificates first = ClusterCertificates.loadOrCreate(dataDir, List.of("api.example.com"), SERVICE_IP);
        ClusterCertificates second = ClusterCertificates.loadOrCreate(dataDir, List.of("api.example.com"), SERVICE_IP);

        assertEquals(first.caCertificate(), second.caCertificate());
        assertEquals(first.servingCertificate().certificate(), second.servingCertificate().certificate());
        assertEquals(first.adminCertificate().privateKeyPem(), second.adminCertificate().privateKeyPem());
    }

    @Test
    void servingCertificateChainsToCaAndNamesEveryAddress() throws Exception {
        ClusterCertificates certificates =
                ClusterCertificates.loadOrCreate(dataDir, List.of("API.Example.com"), List.of("10.96.0.1", "192.168.5.7"));
        X509Certificate serving = certificates.servingCertificate().certificate();

        serving.verify(certificates.caCertificate().getPublicKey());
        ServingNames names = ServingNames.of(serving);
        assertTrue(names.dnsNames().containsAll(List.of("localhost", "kubernetes", "kubernetes.default",
                "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "api.example.com")), names.toString());
        assertTrue(names.ipAddresses().containsAll(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.96.0.1", "192.168.5.7")),
                names.toString());
        assertTrue(serving.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth usage");
    }

    @Test
    void changedNamesReissueOnlyTheServingCertificate() throws IOException {
        ClusterCertificates first = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);
        ClusterCertificates second = ClusterCertificates.loadOrCreate(dataDir, List.of("new.example.com"), SERVICE_IP);

        assertEquals(first.caCertificate(), second.caCertificate());
        assertEquals(first.adminCertificate().certificate(), second.adminCertificate().certificate());
        assertNotEquals(first.servingCertificate().certificate(), second.servingCertificate().certificate());
        assertTrue(ServingNames.of(second.servingCertificate().certificate()).dnsNames().contains("new.example.com"));
    }

    @Test
    void leafWhoseKeyDoesNotMatchIsReissued() throws IOException {
        ClusterCertificates first = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);
        Path adminKey = dataDir.resolve("tls/admin.key");
        Files.writeString(adminKey, first.servingCertificate().privateKeyPem());

        ClusterCertificates second = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);

        assertNotEquals(first.adminCertificate().certificate(), second.adminCertificate().certificate());
        assertEquals(second.adminCertificate().privateKeyPem(), Files.readString(adminKey));
    }

    @Test
    void newCaInvalidatesOldLeaves() throws IOException {
        ClusterCertificates first = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);
        Files.delete(dataDir.resolve("tls/ca.key"));

        ClusterCertificates second = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);

        assertNotEquals(first.caCertificate(), second.caCertificate());
        assertNotEquals(first.servingCertificate().certificate(), second.servingCertificate().certificate());
        assertNotEquals(first.adminCertificate().certificate(), second.adminCertificate().certificate());
    }

    @Test
    void adminAndIssuedClientCertificatesCarryUserAndGroups() throws Exception {
        ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);

        assertEquals(new ClientIdentity("kube4j-admin", List.of("system:masters")),
                ClientIdentity.fromCertificate(certificates.adminCertificate().certificate()));
        IssuedCertificate node = certificates.issueClientCertificate("system:node:worker-1", List.of("system:nodes"));
        node.certificate().verify(certificates.caCertificate().getPublicKey());
        assertEquals(new ClientIdentity("system:node:worker-1", List.of("system:nodes")),
                ClientIdentity.fromCertificate(node.certificate()));
        assertTrue(node.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth usage");
    }

    @Test
    void rejectsMalformedIpAddressAndCorruptFiles() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> ClusterCertificates.loadOrCreate(dataDir, List.of(), List.of("not-an-ip")));

        ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP);
        Files.writeString(dataDir.resolve("tls/ca.crt"), "garbage");
        IOException error = assertThrows(IOException.class,
                () -> ClusterCertificates.loadOrCreate(dataDir, List.of(), SERVICE_IP));
        assertTrue(error.getMessage().contains("ca.crt"), error.getMessage());
    }
}
