package io.kube4j.apiserver.join;

import io.kube4j.apiserver.tls.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The server side of the join token, as k3s keeps it: the secret is {@code --token} when given, else
 * the one stored by an earlier start, else a fresh random one; the full token
 * ({@code K10<CA hash>::server:<secret>}) is written to {@code DATA_DIR/token} with mode 0600 so the
 * operator can hand it (or the file) to {@code kube4j agent}.
 */
public final class ClusterToken {
    /** The file in the data dir that holds the full join token. */
    public static final String FILE_NAME = "token";
    private static final int GENERATED_SECRET_BYTES = 16;

    private final JoinToken token;
    private final Path file;
    private final byte[] secret;
    private final byte[] full;

    private ClusterToken(JoinToken token, Path file) {
        this.token = token;
        this.file = file;
        this.secret = token.secret().getBytes(StandardCharsets.UTF_8);
        this.full = token.text().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Resolves the cluster's join token and (re)writes {@code dataDir/token}.
     *
     * @param configured {@code --token} (a bare secret or a full token), or null to reuse or generate one
     * @param ca         the cluster CA certificate the token pins
     * @throws IllegalArgumentException if {@code configured} is malformed or pins another CA
     */
    public static ClusterToken loadOrCreate(Path dataDir, String configured, X509Certificate ca) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        String secret;
        if (configured != null && !configured.isBlank()) {
            JoinToken given = JoinToken.parse(configured);
            if (given.hasCaHash() && !given.pins(ca)) {
                throw new IllegalArgumentException("--token carries CA hash " + given.caHash()
                        + " but the cluster CA hashes to " + JoinToken.caHash(ca));
            }
            secret = given.secret();
        } else if (Files.exists(file)) {
            // The stored token's hash is recomputed: a regenerated CA keeps the secret but changes the hash.
            secret = JoinToken.parse(Files.readString(file, StandardCharsets.UTF_8)).secret();
        } else {
            byte[] random = new byte[GENERATED_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        ClusterToken token = new ClusterToken(JoinToken.of(ca, secret), file);
        SecureFiles.write(file, token.token.text() + "\n", SecureFiles.OWNER_ONLY);
        return token;
    }

    /** The full join token ({@code K10...::server:...}). */
    public JoinToken joinToken() {
        return token;
    }

    /** Where the full join token is stored. */
    public Path file() {
        return file;
    }

    /** Whether a presented bearer token is this cluster's secret or its full join token (constant time). */
    public boolean accepts(String bearer) {
        if (bearer == null) {
            return false;
        }
        byte[] presented = bearer.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(secret, presented) | MessageDigest.isEqual(full, presented);
    }
}
