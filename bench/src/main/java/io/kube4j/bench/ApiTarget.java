package io.kube4j.bench;

import java.util.Optional;

/** A server under test, reached through the JDK HTTP client. */
public interface ApiTarget extends AutoCloseable {

    /** Short name for the report. */
    String name();

    /** Where it runs and how the client talks to it, for the report. */
    String description();

    /** A client on a connection of its own. */
    ApiClient connect();

    /**
     * Watches the ConfigMaps of {@code namespace} changed after {@code resourceVersion}. Once this
     * returns no later change can be missed: either the watch is open or the server replays from
     * {@code resourceVersion}. Each event's JSON goes to {@code sink}.
     */
    Watch watchConfigMaps(ApiClient client, String namespace, String resourceVersion, WatchSink sink);

    /** The server process's memory, when it runs in a process of its own. */
    Optional<ProcessMemory> serverMemory();

    @Override
    void close();

    /** A running watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Receives a watch's events as they arrive. */
    interface WatchSink {
        void onEvent(String eventJson);

        void onFailure(Throwable failure);
    }
}
