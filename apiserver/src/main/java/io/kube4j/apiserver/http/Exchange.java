package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.registry.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its response, with the blocking helpers handlers need (handlers run on
 * virtual threads, so blocking here is cheap).
 */
public final class Exchange {
    /** Upstream's limit on request bodies (3 MiB). */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean handedOff;
    private boolean bodyRead;
    private final Fields query;
    private final String user;
    private final List<String> groups;
    private final List<String> warnings = new ArrayList<>();

    public Exchange(Request request, Response response, Callback callback, String user, List<String> groups) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.query = Request.extractQueryParameters(request);
        this.user = user;
        this.groups = groups;
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    public String user() {
        return user;
    }

    public List<String> groups() {
        return groups;
    }

    public String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter, or null when absent or empty. */
    public String param(String name) {
        String v = query.getValue(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public List<String> params(String name) {
        List<String> values = query.getValues(name);
        return values == null ? List.of() : values;
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(param(name)) || "1".equals(param(name));
    }

    public String contentType() {
        String ct = header(HttpHeader.CONTENT_TYPE);
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The request body, refusing bodies above the limit with 413. */
    public byte[] body() {
        bodyRead = true;
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            throw ApiException.tooLarge("Request entity too large: limit is " + MAX_BODY_BYTES);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ApiException.tooLarge("Request entity too large: limit is " + MAX_BODY_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("unable to read the request body: " + e.getMessage());
        }
    }

    /**
     * Reads and drops a request body nobody read (within the size limit) before an early error
     * answer: an HTTP/2 stream answered while the client still sends is reset, and clients such as
     * the JDK's then report the reset instead of the answer (a 401 to an unauthenticated POST).
     */
    void discardUnreadBody() {
        if (bodyRead || request.getLength() > MAX_BODY_BYTES) {
            return;
        }
        bodyRead = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.readNBytes(MAX_BODY_BYTES);
        } catch (IOException | RuntimeException e) {
            // The answer is an error already; a body that cannot be read changes nothing.
        }
    }

    /** Adds a {@code Warning: 299 - "..."} header, as upstream does for field validation warnings. */
    public void warn(String message) {
        warnings.add(message);
    }

    public void sendJson(int status, JsonNode body) {
        send(status, "application/json", Json.bytes(body));
    }

    public void sendText(int status, String text) {
        send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(int status, String contentType, byte[] body) {
        startResponse(status, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        write(body, true);
    }

    /** Starts a streamed response (watch, logs): headers now, content with {@link #write}. */
    public void startResponse(int status, String contentType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, private");
        }
        for (String w : warnings) {
            response.getHeaders().add(new HttpField(HttpHeader.WARNING, "299 - \"" + w.replace("\"", "\\\"") + "\""));
        }
    }

    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Writes (and flushes) a chunk, blocking until it is sent. */
    public void write(byte[] chunk, boolean last) {
        try (Blocker.Callback cb = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(chunk), cb);
            cb.block();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean committed() {
        return response.isCommitted();
    }

    /** Whether the client asks to switch this request to a WebSocket. */
    public boolean wantsWebSocket() {
        return "websocket".equalsIgnoreCase(header(HttpHeader.UPGRADE));
    }

    /**
     * Switches to a WebSocket whose endpoint {@code creator} makes; the connection then belongs to
     * the WebSocket, and this exchange completes without a response of its own.
     */
    public void upgradeToWebSocket(WebSocketCreator creator) {
        ServerWebSocketContainer container = ServerWebSocketContainer.get(request.getContext());
        try {
            handedOff = container.upgrade(creator, request, response, callback);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("WebSocket upgrade failed: " + e.getMessage());
        }
        if (!handedOff) {
            throw ApiException.badRequest("WebSocket upgrade failed");
        }
    }

    /** True once the request was handed to a WebSocket, which completes it. */
    public boolean handedOff() {
        return handedOff;
    }

    /** Runs {@code onGone} when the client goes away (connection closed or stream reset). */
    public void onClientGone(Runnable onGone) {
        request.addFailureListener(failure -> onGone.run());
    }
}
