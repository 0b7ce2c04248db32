package io.kube4j.apiserver.join;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the cluster CA certificate (PEM) at {@code GET /cacerts} to anyone, as k3s does: a joining
 * agent fetches it before it trusts the server and checks it against the CA hash in its join token.
 * Every other request goes to the wrapped API handler.
 */
public final class CaCertsHandler extends Handler.Wrapper {
    public static final String PATH = "/cacerts";

    private final byte[] caPem;

    public CaCertsHandler(String caPem, Handler api) {
        super(api);
        this.caPem = caPem.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request)) || !HttpMethod.GET.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(caPem), callback);
        return true;
    }
}
