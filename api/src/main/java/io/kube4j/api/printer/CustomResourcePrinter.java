package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Custom resources: Name, then one column per {@code additionalPrinterColumns} entry, each filled from its
 * JSONPath and typed by its {@code type}. Without columns the CRD gets an Age column, as upstream serves it.
 */
final class CustomResourcePrinter implements TablePrinter {
    private final List<Column> columns;
    private final List<JsonPath> paths;

    private CustomResourcePrinter(List<Column> columns, List<JsonPath> paths) {
        this.columns = columns;
        this.paths = paths;
    }

    static CustomResourcePrinter of(JsonNode additionalPrinterColumns) {
        List<Column> columns = new ArrayList<>(List.of(Column.NAME));
        List<JsonPath> paths = new ArrayList<>();
        for (JsonNode definition : Json.items(additionalPrinterColumns)) {
            String jsonPath = Json.text(definition, "jsonPath");
            paths.add(JsonPath.parse(jsonPath));
            columns.add(new Column(
                    Json.text(definition, "name"),
                    Json.text(definition, "type"),
                    Json.text(definition, "format"),
                    Json.textOr("Custom resource column at JSONPath " + jsonPath, definition, "description"),
                    (int) Json.number(definition, "priority")));
        }
        if (paths.isEmpty()) {
            columns.add(new Column("Age", "date", "", Column.AGE.description(), 0));
            paths.add(JsonPath.parse(".metadata.creationTimestamp"));
        }
        return new CustomResourcePrinter(List.copyOf(columns), List.copyOf(paths));
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    /** Cells are {@code null} where the path finds nothing or the value does not fit the column type. */
    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = new ArrayList<>(columns.size());
        cells.add(Json.name(object));
        for (int i = 0; i < paths.size(); i++) {
            List<JsonNode> results = paths.get(i).evaluate(object);
            // Like upstream, only the first match is shown, even for wildcard paths.
            JsonNode value = results.isEmpty() ? null : results.get(0);
            cells.add(value == null || value.isNull() ? null : cell(columns.get(i + 1).type(), value, now));
        }
        return cells;
    }

    private static Object cell(String type, JsonNode value, Instant now) {
        return switch (type) {
            case "string" -> JsonPathText.of(value);
            case "integer" -> value.isNumber() ? value.longValue() : null;
            case "number" -> value.isNumber() ? value.doubleValue() : null;
            case "boolean" -> value.isBoolean() ? value.booleanValue() : null;
            case "date" -> value.isTextual() ? Durations.age(value, now) : null;
            default -> null;
        };
    }
}
