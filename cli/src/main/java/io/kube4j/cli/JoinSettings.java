package io.kube4j.cli;

import io.kube4j.apiserver.join.JoinToken;
import java.net.URI;
import java.nio.file.Path;

/**
 * How an agent reaches and authenticates to a {@code kube4j server}.
 *
 * @param server   the server's base URL, {@code https://HOST:PORT}
 * @param token    the join token; its CA hash (K10 form) pins the server's CA
 * @param serverCa a PEM file with the server's CA, or null to fetch it from {@code /cacerts} and
 *                 check it against the token's CA hash
 */
record JoinSettings(URI server, JoinToken token, Path serverCa) {

    JoinSettings {
        if (!"https".equals(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("--server must be an https://HOST:PORT URL, got " + server);
        }
        if (serverCa == null && !token.hasCaHash()) {
            throw new IllegalArgumentException("the token has no K10<ca-hash>:: prefix to verify the server with:"
                    + " use the full token (DATA_DIR/token on the server) or pass --server-ca FILE");
        }
    }
}
