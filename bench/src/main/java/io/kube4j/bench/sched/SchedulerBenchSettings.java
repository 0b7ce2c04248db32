package io.kube4j.bench.sched;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sizes of the scheduler benchmark, from {@code --name value} arguments; the defaults are the
 * figures issue 3 asks for (scheduler_perf's SchedulingBasic 5000Nodes_10000Pods, and a churn of
 * 300 Deployments × 100 replicas on 1,000 nodes).
 *
 * @param nodes       simulated nodes of the scheduling cluster
 * @param pods        pods scheduled by the scheduler, and again bound directly for the write ceiling
 * @param clients     concurrent API clients creating pods or posting bindings
 * @param churnNodes  simulated nodes of the churn cluster
 * @param deployments Deployments of the churn run
 * @param replicas    replicas of each churn Deployment
 * @param phases      which phases run
 * @param timeout     the longest any one wait (nodes Ready, pods bound, rollout done) may take
 * @param kube4jJar   the {@code kube4j} fat jar the servers run from
 */
record SchedulerBenchSettings(int nodes, int pods, int clients, int churnNodes, int deployments, int replicas,
                              Set<Phase> phases, Duration timeout, Path kube4jJar) {

    /** The benchmark's phases; scheduling and binding share one cluster, churn has its own. */
    enum Phase { SCHEDULING, BINDING, CHURN }

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--nodes", "5000");
        defaults.put("--pods", "10000");
        defaults.put("--clients", "16");
        defaults.put("--churn-nodes", "1000");
        defaults.put("--deployments", "300");
        defaults.put("--replicas", "100");
        defaults.put("--phases", "scheduling,binding,churn");
        defaults.put("--timeout-minutes", "60");
        defaults.put("--jar", "cli/target/kube4j.jar");
        return defaults;
    }

    static SchedulerBenchSettings parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in pairs (--name value), got: " + String.join(" ", args));
        }
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            if (!DEFAULTS.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + DEFAULTS.keySet());
            }
            values.put(args[i], args[i + 1]);
        }
        return new SchedulerBenchSettings(positive(values, "--nodes"), positive(values, "--pods"),
                positive(values, "--clients"), positive(values, "--churn-nodes"), positive(values, "--deployments"),
                positive(values, "--replicas"), phases(values.get("--phases")),
                Duration.ofMinutes(positive(values, "--timeout-minutes")), Path.of(values.get("--jar")).toAbsolutePath());
    }

    boolean runs(Phase phase) {
        return phases.contains(phase);
    }

    private static Set<Phase> phases(String list) {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String name : list.split(",")) {
            try {
                phases.add(Phase.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown phase '" + name + "'; known: scheduling, binding, churn", e);
            }
        }
        return phases;
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name));
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
