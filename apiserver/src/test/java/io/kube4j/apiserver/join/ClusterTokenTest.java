package io.kube4j.apiserver.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.apiserver.tls.ClusterCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTokenTest {
    @TempDir
    Path dataDir;

    private X509Certificate ca;

    @BeforeEach
    void certificates() throws Exception {
        ca = ClusterCertificates.loadOrCreate(dataDir, List.of(), List.of()).caCertificate();
    }

    @Test
    void generatesASecretOnFirstStartAndKeepsIt() throws Exception {
        ClusterToken first = ClusterToken.loadOrCreate(dataDir, null, ca);
        Path file = dataDir.resolve("token");
        assertEquals(file, first.file());
        assertEquals(first.joinToken().text() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.joinToken().pins(ca));
        assertEquals(32, first.joinToken().secret().length());

        ClusterToken second = ClusterToken.loadOrCreate(dataDir, null, ca);
        assertEquals(first.joinToken(), second.joinToken());
        assertNotEquals(first.joinToken().secret(), ClusterToken.loadOrCreate(Files.createTempDirectory(dataDir, "other"),
                null, ca).joinToken().secret());
    }

    @Test
    void aConfiguredTokenWinsAndIsStoredInFullForm() throws Exception {
        ClusterToken.loadOrCreate(dataDir, null, ca);
        ClusterToken token = ClusterToken.loadOrCreate(dataDir, "s3cret", ca);
        assertEquals("s3cret", token.joinToken().secret());
        assertEquals("K10" + JoinToken.caHash(ca) + "::server:s3cret\n", Files.readString(dataDir.resolve("token")));
        assertEquals(token.joinToken(),
                ClusterToken.loadOrCreate(dataDir, token.joinToken().text(), ca).joinToken());
    }

    @Test
    void aConfiguredFullTokenMustPinThisCa() {
        String other = "K10" + "ab".repeat(32) + "::server:s3cret";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterToken.loadOrCreate(dataDir, other, ca));
        assertTrue(e.getMessage().contains("the cluster CA hashes to " + JoinToken.caHash(ca)), e.getMessage());
    }

    @Test
    void acceptsTheSecretAndTheFullTokenOnly() throws Exception {
        ClusterToken token = ClusterToken.loadOrCreate(dataDir, "s3cret", ca);
        assertTrue(token.accepts("s3cret"));
        assertTrue(token.accepts(token.joinToken().text()));
        assertFalse(token.accepts("s3cret2"));
        assertFalse(token.accepts("K10" + "ab".repeat(32) + "::server:s3cret"));
        assertFalse(token.accepts(""));
        assertFalse(token.accepts(null));
    }
}
