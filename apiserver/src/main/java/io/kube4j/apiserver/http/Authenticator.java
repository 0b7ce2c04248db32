package io.kube4j.apiserver.http;

import io.kube4j.apiserver.tls.ClientIdentity;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Who is calling: an x509 client certificate signed by the cluster CA (verified by TLS), or the
 * cluster join token as a bearer token (node agents joining). Anonymous callers get null.
 */
public final class Authenticator {
    /** The authenticated caller. */
    public record User(String name, List<String> groups) {
    }

    private final Predicate<String> joinToken;

    /** @param joinToken whether a bearer token is the cluster's join token (its secret or full form) */
    public Authenticator(Predicate<String> joinToken) {
        this.joinToken = joinToken;
    }

    public User authenticate(Request request) {
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
                && ssl.peerCertificates() != null && ssl.peerCertificates().length > 0) {
            X509Certificate cert = ssl.peerCertificates()[0];
            ClientIdentity id = ClientIdentity.fromCertificate(cert);
            return new User(id.userName(), id.groups());
        }
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.startsWith("Bearer ") && joinToken.test(auth.substring(7).trim())) {
            return new User("kube4j:node-agent", List.of("system:nodes", "system:authenticated"));
        }
        return null;
    }
}
