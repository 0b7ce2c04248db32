package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A printer made of fixed columns and a function computing a row's cells. */
record KindPrinter(List<Column> columns, RowFunction row) implements TablePrinter {

    @FunctionalInterface
    interface RowFunction {
        Object[] cells(JsonNode object, Instant now);
    }

    static KindPrinter of(RowFunction row, Column... columns) {
        return new KindPrinter(List.of(columns), row);
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        Object[] cells = row.cells(object, now);
        if (cells.length != columns.size()) {
            throw new IllegalStateException("printer produced " + cells.length + " cells for " + columns.size() + " columns");
        }
        // Arrays.asList, unlike List.of, keeps null cells.
        return Arrays.asList(cells);
    }
}
