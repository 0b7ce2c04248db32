package io.kube4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one target measured, in measurement order, with the notes and failures met on the way. */
final class Figures {
    private final Map<Metric, Double> values = new LinkedHashMap<>();
    private final Map<String, ProcessMemory> memory = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void put(Metric metric, double value) {
        values.put(metric, value);
    }

    /** NaN when the metric was not measured (its phase failed). */
    double get(Metric metric) {
        return values.getOrDefault(metric, Double.NaN);
    }

    List<Metric> metrics() {
        return List.copyOf(values.keySet());
    }

    void memory(String phase, ProcessMemory afterPhase) {
        memory.put(phase, afterPhase);
    }

    /** The server's memory after each phase, when it runs in a process of its own. */
    Map<String, ProcessMemory> memory() {
        return memory;
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    void fail(String phase, Exception failure) {
        failures.add(phase + ": " + failure.getMessage());
    }

    List<String> failures() {
        return failures;
    }
}
