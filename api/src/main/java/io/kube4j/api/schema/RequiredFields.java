package io.kube4j.api.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Upstream's required fields of built-in types, read from {@code required-fields.txt}. */
final class RequiredFields {
    private static final String RESOURCE = "required-fields.txt";

    private final Map<String, List<String>> byDefinition;

    private RequiredFields(Map<String, List<String>> byDefinition) {
        this.byDefinition = Map.copyOf(byDefinition);
    }

    static RequiredFields load() {
        try (InputStream in = RequiredFields.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, List<String>> entries = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] columns = trimmed.split("\\s+");
                    entries.put(columns[0], List.of(Arrays.copyOfRange(columns, 1, columns.length)));
                }
            }
            return new RequiredFields(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The required fields of a definition, empty if none are listed. */
    List<String> of(String definition) {
        return byDefinition.getOrDefault(definition, List.of());
    }

    Map<String, List<String>> all() {
        return byDefinition;
    }
}
