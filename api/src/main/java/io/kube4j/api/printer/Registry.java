package io.kube4j.api.printer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Printers of built-in kinds, keyed by API group and kind. */
final class Registry {
    private final Map<String, TablePrinter> printers = new HashMap<>();

    void add(String group, String kind, TablePrinter printer) {
        Objects.requireNonNull(printer, "printer");
        if (printers.putIfAbsent(key(group, kind), printer) != null) {
            throw new IllegalStateException("duplicate printer for " + key(group, kind));
        }
    }

    Optional<TablePrinter> find(String group, String kind) {
        return Optional.ofNullable(printers.get(key(group, kind)));
    }

    private static String key(String group, String kind) {
        return (group == null ? "" : group) + "/" + kind;
    }
}
