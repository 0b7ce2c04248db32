package io.kube4j.bench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.bench.ApiClient;
import io.kube4j.bench.ApiTarget;
import io.kube4j.bench.StreamingWatch;
import java.io.IOException;

/**
 * A watch on one collection that, like an informer's reflector, resumes from the last
 * resourceVersion it saw when the server ends the stream (kube4j ends watches after 30-60
 * minutes). Events reach the handler parsed, one at a time, bookmarks excluded.
 */
final class ResumingWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESUMES = 10;
    private static final long RESUME_DELAY_MILLIS = 1000;

    /** Receives ADDED, MODIFIED and DELETED events with the object. */
    @FunctionalInterface
    interface Handler {
        void onEvent(String type, JsonNode object);
    }

    private final ApiClient client;
    private final String collectionPath;
    private final Handler handler;
    private volatile String resourceVersion;
    private volatile ApiTarget.Watch current;
    private volatile Throwable failure;
    private volatile boolean closed;
    private int resumes;

    private ResumingWatch(ApiClient client, String collectionPath, Handler handler) {
        this.client = client;
        this.collectionPath = collectionPath;
        this.handler = handler;
    }

    /** Watches changes made after now to {@code collectionPath}, e.g. /api/v1/namespaces/ns/pods. */
    static ResumingWatch start(ApiClient client, String collectionPath, Handler handler) {
        ResumingWatch watch = new ResumingWatch(client, collectionPath, handler);
        watch.resourceVersion = client.collectionResourceVersion(collectionPath);
        watch.open();
        return watch;
    }

    private void open() {
        current = StreamingWatch.open(client, collectionPath + "?watch=true&allowWatchBookmarks=true&resourceVersion="
                + resourceVersion, new ApiTarget.WatchSink() {
                    @Override
                    public void onEvent(String eventJson) {
                        dispatch(eventJson);
                    }

                    @Override
                    public void onFailure(Throwable cause) {
                        resume(cause);
                    }
                });
    }

    private void dispatch(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            String type = event.path("type").asText();
            JsonNode object = event.path("object");
            if (type.equals("ERROR")) {
                failure = new IllegalStateException("watch of " + collectionPath + " got an error: " + object);
                return;
            }
            if (!type.equals("BOOKMARK")) {
                handler.onEvent(type, object);
            }
            resourceVersion = object.path("metadata").path("resourceVersion").asText();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private void resume(Throwable cause) {
        if (closed || failure != null) {
            return;
        }
        if (++resumes > MAX_RESUMES) {
            failure = cause;
            return;
        }
        Progress.log("watch of %s ended (%s); resuming from resourceVersion %s", collectionPath, cause.getMessage(),
                resourceVersion);
        Thread.ofVirtual().start(() -> {
            SimulatedCluster.sleep(RESUME_DELAY_MILLIS);
            if (!closed) {
                open();
            }
        });
    }

    /** Throws if the watch failed for good: what it reports would then be incomplete. */
    void checkHealthy() {
        Throwable cause = failure;
        if (cause != null) {
            throw new IllegalStateException("watch of " + collectionPath + " failed: " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        closed = true;
        ApiTarget.Watch watch = current;
        if (watch != null) {
            watch.close();
        }
    }
}
