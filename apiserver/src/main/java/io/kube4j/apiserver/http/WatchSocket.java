package io.kube4j.apiserver.http;

import org.eclipse.jetty.websocket.api.Session;

/**
 * The WebSocket end of a watch. Public because Jetty calls the listener methods reflectively.
 * {@code onOpen} runs the watch on its own virtual thread; {@code onGone} ends it when the client
 * closes the socket.
 */
public final class WatchSocket implements Session.Listener.AutoDemanding {
    private final java.util.function.Consumer<Session> onOpen;
    private final Runnable onGone;

    WatchSocket(java.util.function.Consumer<Session> onOpen, Runnable onGone) {
        this.onOpen = onOpen;
        this.onGone = onGone;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        Thread.ofVirtual().name("watch-websocket").start(() -> onOpen.accept(session));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        onGone.run();
    }

    /** A connection that broke (e.g. the client went away mid-write) ends the watch like a close. */
    @Override
    public void onWebSocketError(Throwable cause) {
        onGone.run();
    }
}
