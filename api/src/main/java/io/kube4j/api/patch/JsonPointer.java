package io.kube4j.api.patch;

import java.util.ArrayList;
import java.util.List;

/** A parsed JSON pointer (RFC 6901): {@code ""} is the whole document, {@code "/a/~1b"} is a → "/b". */
record JsonPointer(String text, List<String> tokens) {

    /** Parses a pointer, or returns null when it does not start with '/' (and is not the root). */
    static JsonPointer parse(String text) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (!text.startsWith("/")) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            // "~1" must be decoded before "~0" so that "~01" becomes "~1", not "/".
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new JsonPointer(text, List.copyOf(tokens));
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    List<String> parentTokens() {
        return tokens.subList(0, tokens.size() - 1);
    }

    String lastToken() {
        return tokens.get(tokens.size() - 1);
    }
}
