package io.kube4j.api.printer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test fixtures: a fixed clock and JSON objects written with single quotes for readability. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RFC 3339 timestamp this long before {@link #NOW}. */
    static String ago(String isoDuration) {
        return NOW.minus(Duration.parse(isoDuration)).toString();
    }

    static List<Object> cells(String group, String kind, String singleQuotedJson) {
        return Printers.forKind(group, kind).cells(json(singleQuotedJson), NOW);
    }

    static List<String> columnNames(TablePrinter printer) {
        return printer.columns().stream().map(Column::name).toList();
    }
}
