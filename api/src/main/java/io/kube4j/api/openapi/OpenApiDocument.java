package io.kube4j.api.openapi;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One serialized OpenAPI document with the hash the v3 index puts in its URL, so that the server
 * can serve it from memory, and as {@code Cache-Control: public, immutable} when asked for by hash.
 */
public final class OpenApiDocument {
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] bytes;
    private final String hash;

    private OpenApiDocument(byte[] bytes) {
        this.bytes = bytes;
        this.hash = sha512(bytes);
    }

    static OpenApiDocument of(JsonNode document) {
        try {
            return new OpenApiDocument(JSON.writeValueAsBytes(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The upper-case hex SHA-512 of the bytes, as upstream puts in {@code ?hash=}. */
    public String hash() {
        return hash;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-512", e);
        }
    }
}
