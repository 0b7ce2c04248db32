package io.kube4j.cli;

/** Joining a server failed for a reason the operator can fix (wrong server, token or CA). */
final class JoinException extends Exception {
    JoinException(String message) {
        super(message);
    }

    JoinException(String message, Throwable cause) {
        super(message, cause);
    }
}
