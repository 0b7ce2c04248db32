package io.kube4j.api.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Upstream's strategic-merge-patch metadata of built-in fields, read from {@code patch-strategies.txt}. */
final class PatchStrategies {

    /** The patch metadata of one field; {@code mergeKey} is null for lists of primitives and non-lists. */
    record Entry(String definition, String field, String strategy, String mergeKey) {
    }

    private static final String RESOURCE = "patch-strategies.txt";

    private final Map<String, Entry> byField;

    private PatchStrategies(Map<String, Entry> byField) {
        this.byField = Map.copyOf(byField);
    }

    static PatchStrategies load() {
        try (InputStream in = PatchStrategies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static PatchStrategies parse(BufferedReader reader) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            if (columns.length < 3 || columns.length > 4) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 3 or 4 columns: " + line);
            }
            Entry entry = new Entry(columns[0], columns[1], columns[2], columns.length == 4 ? columns[3] : null);
            entries.put(key(entry.definition(), entry.field()), entry);
        }
        return new PatchStrategies(entries);
    }

    /** The metadata of {@code field} of the definition, or null if upstream declares none. */
    Entry lookup(String definition, String field) {
        return byField.get(key(definition, field));
    }

    Iterable<Entry> entries() {
        return byField.values();
    }

    private static String key(String definition, String field) {
        return definition + '#' + field;
    }
}
