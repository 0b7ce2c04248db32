package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Builds the columns and the row cells of a {@code meta.k8s.io/v1 Table} for one kind of object. */
public interface TablePrinter {

    /** The column definitions, including the priority-1 ({@code -o wide}) ones. */
    List<Column> columns();

    /**
     * The cells of one row, one per column, preformatted as upstream emits them: {@link String}, {@link Long},
     * {@link Double}, {@link Boolean} or {@code null} (kubectl shows {@code <none>}). The cell of the
     * {@code format: name} column is the object's name; it is the first cell for every kind except events.
     *
     * @param object the object in its Kubernetes JSON form
     * @param now the instant ages and durations are measured against
     */
    List<Object> cells(JsonNode object, Instant now);
}
