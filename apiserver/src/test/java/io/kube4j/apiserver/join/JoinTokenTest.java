package io.kube4j.apiserver.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.apiserver.tls.ClusterCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinTokenTest {
    private static final String HASH = "0123456789abcdef".repeat(4);

    private static X509Certificate ca;
    private static String caPem;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dir, List.of(), List.of());
        ca = certificates.caCertificate();
        caPem = Files.readString(dir.resolve("tls/ca.crt"));
    }

    @Test
    void parsesTheFullK10Form() {
        JoinToken token = JoinToken.parse("K10" + HASH + "::server:s3cret\n");
        assertEquals(HASH, token.caHash());
        assertEquals("s3cret", token.secret());
        assertTrue(token.hasCaHash());
        assertEquals("K10" + HASH + "::server:s3cret", token.text());
    }

    @Test
    void aBareSecretHasNoCaHash() {
        JoinToken token = JoinToken.parse("  s3cret ");
        assertNull(token.caHash());
        assertEquals("s3cret", token.secret());
        assertFalse(token.hasCaHash());
        assertEquals("s3cret", token.text());
    }

    @Test
    void aSecretThatMerelyStartsWithK10IsBare() {
        assertEquals("K10abc", JoinToken.parse("K10abc").secret());
    }

    @Test
    void rejectsMalformedTokens() {
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse(""));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse(null));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("K10abc::server:x"));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("K10" + HASH.toUpperCase() + "::server:x"));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("K10" + HASH + "::node:x"));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("K10" + HASH + "::server:"));
        assertThrows(IllegalArgumentException.class, () -> JoinToken.parse("two words"));
    }

    @Test
    void theCaHashIsTheSha256OfTheCertificateDer() throws Exception {
        String base64 = caPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        assertEquals(expected, JoinToken.caHash(ca));
        JoinToken token = JoinToken.of(ca, "s3cret");
        assertEquals("K10" + expected + "::server:s3cret", token.text());
        assertTrue(token.pins(ca));
        assertFalse(new JoinToken(HASH, "s3cret").pins(ca));
        assertFalse(new JoinToken(null, "s3cret").pins(ca));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertFalse(JoinToken.parse("K10" + HASH + "::server:s3cret").toString().contains("s3cret"));
    }
}
