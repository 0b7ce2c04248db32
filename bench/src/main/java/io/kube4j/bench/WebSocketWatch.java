package io.kube4j.bench;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A watch over a WebSocket, one event per text message: the only watch transport fabric8's
 * mock server implements.
 */
final class WebSocketWatch implements ApiTarget.Watch, WebSocket.Listener {
    private final ApiTarget.WatchSink sink;
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private WebSocket socket;

    private WebSocketWatch(ApiTarget.WatchSink sink) {
        this.sink = sink;
    }

    static WebSocketWatch open(ApiClient client, String path, ApiTarget.WatchSink sink) {
        WebSocketWatch watch = new WebSocketWatch(sink);
        URI https = client.uri(path);
        URI wss = URI.create(https.toString().replaceFirst("^http", "ws"));
        try {
            watch.socket = client.http().newWebSocketBuilder().buildAsync(wss, watch).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot open watch " + wss + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening watch " + wss, e);
        }
        return watch;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            sink.onEvent(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable failure) {
        if (!closed) {
            sink.onFailure(failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.abort();
    }
}
