package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.printer.TablePrinter;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.watch.CacheEvent;
import io.kube4j.apiserver.watch.WatchCache;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A watch: newline-delimited JSON events ({@code {"type":...,"object":...}}) flushed one by one,
 * from the cache. Supports resourceVersion resumption (410 as an ERROR event when too old),
 * bookmarks, {@code sendInitialEvents}, {@code timeoutSeconds} and Table rows for {@code get -w}.
 */
public final class WatchStream {
    private static final long BOOKMARK_INTERVAL_MS = 60_000;
    private static final CacheEvent CLIENT_GONE = new CacheEvent(CacheEvent.Type.DELETED, "", null, null, -1);

    private final Tables tables;

    public WatchStream(Tables tables) {
        this.tables = tables;
    }

    public void serve(Exchange ex, GenericRegistry registry, String ns, ListOptions options, TablePrinter printer) {
        Watch watch = new Watch(registry, ns, options, Tables.wanted(ex.header(HttpHeader.ACCEPT)) ? printer : null,
                ex.param("timeoutSeconds") != null
                        ? TimeUnit.SECONDS.toMillis(parseRevision(ex.param("timeoutSeconds")))
                        : TimeUnit.MINUTES.toMillis(30 + ThreadLocalRandom.current().nextInt(30)),
                ex.flag("allowWatchBookmarks"), ex.flag("sendInitialEvents"));
        if (ex.wantsWebSocket()) {
            ex.upgradeToWebSocket((request, response, callback) -> new WatchSocket(
                    session -> watch.run(EventWriter.webSocket(session)), watch::clientGone));
            return;
        }
        ex.onClientGone(watch::clientGone);
        ex.startResponse(200, "application/json");
        // Commit the headers now: clients treat the watch as started only then.
        ex.write(new byte[0], false);
        watch.run(EventWriter.http(ex));
    }

    /** One watch: its parameters and the queue its subscription fills. */
    private final class Watch {
        private final GenericRegistry registry;
        private final String ns;
        private final ListOptions options;
        private final TablePrinter printer;
        private final long timeoutMs;
        private final boolean bookmarks;
        private final boolean initialEvents;
        private final LinkedBlockingQueue<CacheEvent> queue = new LinkedBlockingQueue<>();

        Watch(GenericRegistry registry, String ns, ListOptions options, TablePrinter printer, long timeoutMs,
              boolean bookmarks, boolean initialEvents) {
            this.registry = registry;
            this.ns = ns;
            this.options = options;
            this.printer = printer;
            this.timeoutMs = timeoutMs;
            this.bookmarks = bookmarks;
            this.initialEvents = initialEvents;
        }

        void clientGone() {
            queue.add(CLIENT_GONE);
        }

        void run(EventWriter out) {
            String rv = options.resourceVersion();
            long after = rv.isEmpty() || rv.equals("0") || initialEvents ? -1 : parseRevision(rv);
            if (after < 0 && !initialEvents && rv.isEmpty()) {
                registry.cache().awaitConsistent();
            }
            long initialRevision = registry.cache().revision();
            try (WatchCache.Subscription ignored = registry.watch(ns, options, after, queue::add)) {
                stream(out, initialEvents ? initialRevision : -1);
                out.finish();
            } catch (WatchCache.TooOldException e) {
                out.write(event("ERROR", ApiException.gone(e.getMessage()).toStatus()));
                out.finish();
            } catch (UncheckedIOException e) {
                // the client went away
            }
        }

        private void stream(EventWriter out, long initialEventsEnd) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            long nextBookmark = bookmarks ? System.currentTimeMillis() + BOOKMARK_INTERVAL_MS : Long.MAX_VALUE;
            long lastRevision = 0;
            boolean columnsSent = false;
            boolean initialEndSent = initialEventsEnd < 0;
            while (true) {
                if (!initialEndSent && queue.isEmpty()) {
                    out.write(event("BOOKMARK", bookmark(registry, Math.max(lastRevision, initialEventsEnd), true)));
                    initialEndSent = true;
                }
                long now = System.currentTimeMillis();
                if (now >= deadline) {
                    return;
                }
                CacheEvent next;
                try {
                    next = queue.poll(Math.min(deadline, nextBookmark) - now, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (next == CLIENT_GONE) {
                    return;
                }
                if (next == null) {
                    if (System.currentTimeMillis() >= nextBookmark) {
                        out.write(event("BOOKMARK", bookmark(registry,
                                Math.max(lastRevision, registry.cache().revision()), false)));
                        nextBookmark = System.currentTimeMillis() + BOOKMARK_INTERVAL_MS;
                    }
                    continue;
                }
                lastRevision = next.revision();
                if (printer != null) {
                    out.write(event(next.type().name(),
                            tables.table(printer, List.of(next.object()), null, null, "Metadata", !columnsSent)));
                    columnsSent = true;
                } else {
                    out.write(event(next.type().name(), next.objectJson()));
                }
            }
        }
    }

    private static ObjectNode bookmark(GenericRegistry registry, long revision, boolean initialEventsEnd) {
        ObjectNode obj = Json.object().put("kind", registry.type().kind()).put("apiVersion", registry.type().apiVersion());
        ObjectNode meta = obj.putObject("metadata").put("resourceVersion", Long.toString(revision));
        if (initialEventsEnd) {
            meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        return obj;
    }

    /** The watch event line around an object already encoded (shared by every watcher of that event). */
    private static byte[] event(String type, byte[] objectJson) {
        byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        byte[] line = Arrays.copyOf(head, head.length + objectJson.length + 1);
        System.arraycopy(objectJson, 0, line, head.length, objectJson.length);
        line[line.length - 1] = '}';
        return line;
    }

    private static byte[] event(String type, ObjectNode object) {
        ObjectNode event = Json.object().put("type", type);
        event.set("object", object);
        return Json.bytes(event);
    }

    private static long parseRevision(String rv) {
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid number: " + rv);
        }
    }
}
