package io.kube4j.node.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Image references as a container runtime reports them: fully qualified, with a (here made-up but stable) digest. */
final class ContainerImages {
    private static final String DEFAULT_REGISTRY = "docker.io";

    private ContainerImages() {
    }

    /** {@code nginx} → {@code docker.io/library/nginx:latest}, {@code me/app:1} → {@code docker.io/me/app:1}. */
    static String normalize(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (!hasRegistry) {
            name = DEFAULT_REGISTRY + "/" + (slash < 0 ? "library/" : "") + name;
        }
        int lastSlash = name.lastIndexOf('/');
        boolean tagged = name.indexOf(':', lastSlash) >= 0 || name.contains("@");
        return tagged ? name : name + ":latest";
    }

    /** {@code repository@sha256:<digest>}: the reference's own digest if it has one, else one derived from it. */
    static String imageId(String image) {
        String normalized = normalize(image);
        int at = normalized.indexOf('@');
        if (at >= 0) {
            return normalized;
        }
        int colon = normalized.lastIndexOf(':');
        return normalized.substring(0, colon) + "@sha256:" + sha256(normalized);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
