package io.kube4j.controllers;

/**
 * Upstream's SafeEncodeString, which renders the hashes in generated names (pod-template-hash,
 * controller revisions): each character maps by its code onto an alphabet without vowels or
 * look-alike characters, so no name spells a word.
 */
public final class SafeEncoding {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private SafeEncoding() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(ALPHABET.charAt(c % ALPHABET.length()));
        }
        return out.toString();
    }
}
