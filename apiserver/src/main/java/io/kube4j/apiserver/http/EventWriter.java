package io.kube4j.apiserver.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Where a watch writes its events: a chunked HTTP response (one JSON object per line) or a
 * WebSocket (one JSON object per text message, as fabric8 and other clients watch). A write to a
 * client that is gone throws {@link UncheckedIOException}.
 */
interface EventWriter {
    void write(byte[] event);

    /** Ends the stream normally. */
    void finish();

    /** Newline-delimited JSON over the exchange's (already started) response. */
    static EventWriter http(Exchange ex) {
        return new EventWriter() {
            @Override
            public void write(byte[] event) {
                byte[] line = new byte[event.length + 1];
                System.arraycopy(event, 0, line, 0, event.length);
                line[event.length] = '\n';
                ex.write(line, false);
            }

            @Override
            public void finish() {
                ex.write(new byte[0], true);
            }
        };
    }

    static EventWriter webSocket(Session session) {
        return new EventWriter() {
            @Override
            public void write(byte[] event) {
                Callback.Completable sent = new Callback.Completable();
                session.sendText(new String(event, StandardCharsets.UTF_8), sent);
                try {
                    sent.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted"));
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new UncheckedIOException(new IOException(e.getCause()));
                }
            }

            @Override
            public void finish() {
                session.close(1000, "watch ended", Callback.NOOP);
            }
        };
    }
}
