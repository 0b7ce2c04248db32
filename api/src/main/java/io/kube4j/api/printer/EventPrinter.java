package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Events of both APIs, {@code v1} and {@code events.k8s.io/v1}. Upstream prints both from one internal type,
 * so only the field names differ. Unlike other kinds, the Name column comes last.
 */
final class EventPrinter {
    private static final Column[] COLUMNS = {
        Column.string("Last Seen", "Time since the event was last observed."),
        Column.string("Type", "Type of the event (Normal, Warning)."),
        Column.string("Reason", "Short machine-readable reason for the event."),
        Column.string("Object", "The object the event is about."),
        Column.string("Subobject", "The part of the object the event is about.").wide(),
        Column.string("Source", "Component that reported the event.").wide(),
        Column.string("Message", "Human-readable description of the event."),
        Column.string("First Seen", "Time since the event was first observed.").wide(),
        Column.string("Count", "Number of times the event occurred.").wide(),
        new Column("Name", "string", "name", "Name of the event object.", 1)
    };

    static final TablePrinter CORE = KindPrinter.of((event, now) -> cells(event, now, Fields.CORE), COLUMNS);
    static final TablePrinter EVENTS_API = KindPrinter.of((event, now) -> cells(event, now, Fields.EVENTS_API), COLUMNS);

    /** Where each API keeps the fields the printer reads. */
    private record Fields(String involvedObject, String message, String source, String firstTimestamp,
            String lastTimestamp, String count) {
        static final Fields CORE = new Fields("involvedObject", "message", "source", "firstTimestamp",
                "lastTimestamp", "count");
        static final Fields EVENTS_API = new Fields("regarding", "note", "deprecatedSource",
                "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount");
    }

    private EventPrinter() {
    }

    private static Object[] cells(JsonNode event, Instant now, Fields fields) {
        String firstSeen = Json.present(event, fields.firstTimestamp)
                ? Durations.age(event.get(fields.firstTimestamp), now)
                : Durations.age(Json.at(event, "eventTime"), now);
        String lastSeen = Json.present(event, fields.lastTimestamp)
                ? Durations.age(event.get(fields.lastTimestamp), now)
                : firstSeen;
        long count = Json.number(event, fields.count);
        if (Json.present(event, "series")) {
            lastSeen = Durations.age(Json.at(event, "series", "lastObservedTime"), now);
            count = Json.number(event, "series", "count");
        } else if (count == 0) {
            // Singleton events of the events.k8s.io API carry no count.
            count = 1;
        }
        JsonNode involved = Json.at(event, fields.involvedObject);
        String kind = Json.text(involved, "kind").toLowerCase();
        String name = Json.text(involved, "name");
        return new Object[] {
            lastSeen,
            Json.text(event, "type"),
            Json.text(event, "reason"),
            name.isEmpty() ? kind : kind + "/" + name,
            Json.text(involved, "fieldPath"),
            source(event, fields),
            Json.text(event, fields.message).strip(),
            firstSeen,
            count,
            Json.name(event)
        };
    }

    /** {@code component, host}, falling back to the reporting controller and instance. */
    private static String source(JsonNode event, Fields fields) {
        String component = Json.textOr(Json.text(event, "reportingController"), event, fields.source, "component");
        String instance = Json.textOr(Json.text(event, "reportingInstance"), event, fields.source, "host");
        return instance.isEmpty() ? component : component + ", " + instance;
    }
}
