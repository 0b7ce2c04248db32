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
        long timeoutMs = ex.param("timeoutSeconds") != null
                ? TimeUnit.SECONDS.toMillis(Long.parseLong(ex.param("timeoutSeconds")))
                : TimeUnit.MINUTES.toMillis(30 + ThreadLocalRandom.current().nextInt(30));
        boolean bookmarks = ex.flag("allowWatchBookmarks");
        boolean initialEvents = ex.flag("sendInitialEvents");
        boolean table = Tables.wanted(ex.header(HttpHeader.ACCEPT));
        String rv = options.resourceVersion();
        long after = rv.isEmpty() || rv.equals("0") || initialEvents ? -1 : parseRevision(rv);
        if (after < 0 && !initialEvents && rv.isEmpty()) {
            registry.cache().awaitConsistent();
        }
        LinkedBlockingQueue<CacheEvent> queue = new LinkedBlockingQueue<>();
        WatchCache.Subscription subscription;
        long initialRevision = registry.cache().revision();
        try {
            subscription = registry.watch(ns, options, after, queue::add);
        } catch (WatchCache.TooOldException e) {
            ex.startResponse(200, "application/json");
            ex.write(line("ERROR", ApiException.gone(e.getMessage()).toStatus()), true);
            return;
        }
        ex.onClientGone(() -> queue.add(CLIENT_GONE));
        ex.startResponse(200, "application/json");
        try (subscription) {
            stream(ex, registry, queue, timeoutMs, bookmarks, initialEvents ? initialRevision : -1, table ? printer : null);
        } catch (UncheckedIOException e) {
            return;
        }
        ex.write(new byte[0], true);
    }

    private void stream(Exchange ex, GenericRegistry registry, LinkedBlockingQueue<CacheEvent> queue, long timeoutMs,
                        boolean bookmarks, long initialEventsEnd, TablePrinter printer) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long nextBookmark = System.currentTimeMillis() + BOOKMARK_INTERVAL_MS;
        long lastRevision = 0;
        boolean columnsSent = false;
        boolean initialEndSent = initialEventsEnd < 0;
        while (true) {
            if (!initialEndSent && queue.isEmpty()) {
                ex.write(line("BOOKMARK", bookmark(registry, Math.max(lastRevision, initialEventsEnd), true)), false);
                initialEndSent = true;
            }
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                return;
            }
            CacheEvent event;
            try {
                event = queue.poll(Math.min(deadline, nextBookmark) - now, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == CLIENT_GONE) {
                return;
            }
            if (event == null) {
                if (bookmarks && System.currentTimeMillis() >= nextBookmark) {
                    ex.write(line("BOOKMARK", bookmark(registry, Math.max(lastRevision, registry.cache().revision()),
                            false)), false);
                    nextBookmark = System.currentTimeMillis() + BOOKMARK_INTERVAL_MS;
                }
                continue;
            }
            lastRevision = event.revision();
            ObjectNode object = event.object();
            if (printer != null) {
                object = tables.table(printer, List.of(object), null, null, "Metadata", !columnsSent);
                columnsSent = true;
            }
            ex.write(line(event.type().name(), object), false);
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

    private static byte[] line(String type, ObjectNode object) {
        ObjectNode event = Json.object().put("type", type);
        event.set("object", object);
        byte[] json = Json.bytes(event);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    private static long parseRevision(String rv) {
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resource version: " + rv);
        }
    }
}
