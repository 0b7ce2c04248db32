package io.kube4j.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Sizes of the benchmark phases, from {@code --name value} arguments; the defaults are the
 * figures the foundation issue asks for.
 */
record BenchSettings(int configMaps, int pods, int events, int clients, int watchers, int listRepeats, Path kube4jJar) {

    private static final Map<String, String> DEFAULTS = Map.of(
            "--configmaps", "20000",
            "--pods", "10000",
            "--events", "10000",
            "--clients", "16",
            "--watchers", "100",
            "--lists", "5",
            "--jar", "cli/target/kube4j.jar");

    static BenchSettings parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in pairs (--name value), got: " + String.join(" ", args));
        }
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            if (!DEFAULTS.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + DEFAULTS.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
        return new BenchSettings(positive(values, "--configmaps"), positive(values, "--pods"),
                positive(values, "--events"), positive(values, "--clients"), positive(values, "--watchers"),
                positive(values, "--lists"), Path.of(values.get("--jar")).toAbsolutePath());
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name));
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
