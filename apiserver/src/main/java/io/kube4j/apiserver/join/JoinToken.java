package io.kube4j.apiserver.join;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token node agents join with, in k3s's form {@code K10<sha256 of the CA certificate>::server:<secret>},
 * or a bare secret. The CA hash lets an agent trust the server it has never seen (it fetches the CA
 * unauthenticated and checks the hash before sending the secret); the secret authenticates the agent.
 *
 * @param caHash lower-case hex sha256 of the cluster CA certificate (DER), or null for a bare secret
 * @param secret the shared secret the server accepts as a bearer token
 */
public record JoinToken(String caHash, String secret) {
    private static final String PREFIX = "K10";
    private static final String SEPARATOR = "::";
    private static final String USER = "server";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public JoinToken {
        if (secret == null || secret.isEmpty() || secret.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid join token: the secret must be non-empty and without whitespace");
        }
        if (caHash != null && !SHA256_HEX.matcher(caHash).matches()) {
            throw new IllegalArgumentException("invalid join token: the CA hash after " + PREFIX
                    + " must be 64 lower-case hex digits (sha256)");
        }
    }

    /**
     * Reads a full {@code K10<hash>::server:<secret>} token or a bare secret; surrounding whitespace
     * (as in a token file) is ignored.
     *
     * @throws IllegalArgumentException if the text is empty or a malformed full token
     */
    public static JoinToken parse(String text) {
        String token = text == null ? "" : text.strip();
        int separator = token.indexOf(SEPARATOR);
        if (!token.startsWith(PREFIX) || separator < 0) {
            return new JoinToken(null, token);
        }
        String credentials = token.substring(separator + SEPARATOR.length());
        if (!credentials.startsWith(USER + ":")) {
            throw new IllegalArgumentException("invalid join token: expected " + PREFIX + "<ca-hash>" + SEPARATOR
                    + USER + ":<secret>");
        }
        return new JoinToken(token.substring(PREFIX.length(), separator), credentials.substring(USER.length() + 1));
    }

    /** The full token for {@code secret} on the cluster whose CA is {@code ca}. */
    public static JoinToken of(X509Certificate ca, String secret) {
        return new JoinToken(caHash(ca), secret);
    }

    /** The lower-case hex sha256 of the certificate's DER encoding. */
    public static String caHash(X509Certificate ca) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the CA certificate: " + e.getMessage(), e);
        }
    }

    public boolean hasCaHash() {
        return caHash != null;
    }

    /** Whether this token pins {@code ca}: it carries a CA hash and that hash is {@code ca}'s. */
    public boolean pins(X509Certificate ca) {
        return caHash != null && caHash.equals(caHash(ca));
    }

    /** The token as typed: the full K10 form when it carries a CA hash, else the bare secret. */
    public String text() {
        return caHash == null ? secret : PREFIX + caHash + SEPARATOR + USER + ":" + secret;
    }

    /** Never shows the secret, so a logged token leaks nothing. */
    @Override
    public String toString() {
        return "JoinToken[caHash=" + caHash + ", secret=<redacted>]";
    }
}
