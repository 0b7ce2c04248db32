package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What client-go's EventCorrelator does before an event is written, so that a component repeating
 * itself leaves one Event with a growing {@code count} rather than thousands:
 * <ol>
 * <li>aggregation: once 10 events differing only in message come about one object (same source, type,
 * reason) within 10 minutes of each other, further ones become one event with the message
 * {@code (combined from similar events): <latest message>};</li>
 * <li>deduplication: an event identical to one already written (same source, object, type, reason,
 * message) becomes a repeat of it: same name and first timestamp, count one higher;</li>
 * <li>spam filtering: see {@link EventSpamFilter}.</li>
 * </ol>
 * Every cache is a bounded LRU (4096 entries) and timestamps come from the clock.
 */
final class EventCorrelator {
    static final int CACHE_SIZE = 4096;
    static final int MAX_SIMILAR_MESSAGES = 10;
    static final Duration SIMILAR_WINDOW = Duration.ofMinutes(10);
    static final String COMBINED_PREFIX = "(combined from similar events): ";

    /** The event to write; {@code repeat} when an event of that name should already exist (patch it). */
    record Correlated(Event event, boolean repeat) {
    }

    /** Messages seen recently for one aggregate key, and when the last of them came. */
    private static final class Similar {
        final Set<String> messages = new HashSet<>();
        Instant lastSeen;
    }

    /** The event written for a key: what a repeat keeps and counts on from. */
    private record Written(String name, String firstTimestamp, int count) {
    }

    private final Clock clock;
    private final LruCache<String, Similar> similar = new LruCache<>(CACHE_SIZE);
    private final LruCache<String, Written> written = new LruCache<>(CACHE_SIZE);
    private final EventSpamFilter spamFilter = new EventSpamFilter(CACHE_SIZE);

    EventCorrelator(Clock clock) {
        this.clock = clock;
    }

    /** A fresh event name, {@code <object name>.<hex>} as upstream. */
    static String newName(String objectName) {
        return objectName + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    /** The event to write in place of {@code event}, or empty when the spam filter drops it. */
    synchronized Optional<Correlated> correlate(Event event) {
        Instant now = clock.instant();
        String aggregateKey = aggregateKey(event);
        Event aggregated = aggregate(event, aggregateKey, now);
        // A combined event is deduplicated by its aggregate key: its message changes with each event.
        Correlated observed = observe(aggregated, aggregated == event ? eventKey(event) : aggregateKey);
        return spamFilter.tryAccept(spamKey(event), now) ? Optional.of(observed) : Optional.empty();
    }

    private Event aggregate(Event event, String aggregateKey, Instant now) {
        Similar record = similar.get(aggregateKey);
        if (record == null || record.lastSeen.plus(SIMILAR_WINDOW).isBefore(now)) {
            record = new Similar();
            similar.put(aggregateKey, record);
        }
        record.lastSeen = now;
        record.messages.add(event.getMessage());
        if (record.messages.size() < MAX_SIMILAR_MESSAGES) {
            return event;
        }
        // Keep the set from growing: one message fewer makes room for the next distinct one.
        Iterator<String> any = record.messages.iterator();
        any.next();
        any.remove();
        String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return new EventBuilder(event)
                .editMetadata().withName(newName(event.getInvolvedObject().getName())).endMetadata()
                .withMessage(COMBINED_PREFIX + event.getMessage())
                .withCount(1).withFirstTimestamp(timestamp).withLastTimestamp(timestamp)
                .build();
    }

    private Correlated observe(Event event, String key) {
        Written last = written.get(key);
        if (last == null) {
            written.put(key, new Written(event.getMetadata().getName(), event.getFirstTimestamp(), event.getCount()));
            return new Correlated(event, false);
        }
        Written repeat = new Written(last.name, last.firstTimestamp, last.count + 1);
        written.put(key, repeat);
        return new Correlated(new EventBuilder(event)
                .editMetadata().withName(repeat.name).endMetadata()
                .withFirstTimestamp(repeat.firstTimestamp).withCount(repeat.count)
                .build(), true);
    }

    private static String eventKey(Event event) {
        ObjectReference about = event.getInvolvedObject();
        return String.join("\u0000", source(event), about.getKind(), about.getNamespace(), about.getName(),
                about.getFieldPath(), about.getUid(), about.getApiVersion(), event.getType(), event.getReason(),
                event.getMessage());
    }

    private static String aggregateKey(Event event) {
        ObjectReference about = event.getInvolvedObject();
        return String.join("\u0000", source(event), about.getKind(), about.getNamespace(), about.getName(),
                about.getUid(), about.getApiVersion(), event.getType(), event.getReason(),
                event.getReportingComponent(), event.getReportingInstance());
    }

    private static String spamKey(Event event) {
        ObjectReference about = event.getInvolvedObject();
        return String.join("\u0000", source(event), about.getKind(), about.getNamespace(), about.getName(),
                about.getUid(), about.getApiVersion());
    }

    private static String source(Event event) {
        return event.getSource() == null ? "" : event.getSource().getComponent() + "\u0000" + event.getSource().getHost();
    }
}
