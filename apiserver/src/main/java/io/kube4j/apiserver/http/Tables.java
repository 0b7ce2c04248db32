package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.printer.Column;
import io.kube4j.api.printer.TablePrinter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, the server-side printing kubectl asks for,
 * with each row's object as PartialObjectMetadata (or the whole object, or none, per includeObject).
 */
public final class Tables {
    private final Clock clock;

    public Tables(Clock clock) {
        this.clock = clock;
    }

    /** Whether the Accept header asks for a Table. */
    public static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    public ObjectNode table(TablePrinter printer, List<? extends JsonNode> objects, String resourceVersion,
                            String continueToken, String includeObject, boolean withColumns) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        if (continueToken != null) {
            meta.put("continue", continueToken);
        }
        if (withColumns) {
            ArrayNode columns = table.putArray("columnDefinitions");
            for (Column c : printer.columns()) {
                columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        Instant now = Instant.now(clock);
        for (JsonNode obj : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Object cell : printer.cells(obj, now)) {
                addCell(cells, cell);
            }
            switch (includeObject == null ? "Metadata" : includeObject) {
                case "None" -> {
                }
                case "Object" -> row.set("object", obj);
                default -> row.set("object", partialMetadata(obj));
            }
        }
        return table;
    }

    /** Cells as plain JSON values (cheaper to write than POJO nodes). */
    private static void addCell(ArrayNode cells, Object cell) {
        switch (cell) {
            case null -> cells.addNull();
            case String text -> cells.add(text);
            case Long number -> cells.add(number);
            case Integer number -> cells.add(number);
            case Double number -> cells.add(number);
            case Boolean flag -> cells.add(flag);
            default -> cells.add(String.valueOf(cell));
        }
    }

    private static ObjectNode partialMetadata(JsonNode obj) {
        ObjectNode partial = Json.object().put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", obj.get("metadata"));
        return partial;
    }
}
