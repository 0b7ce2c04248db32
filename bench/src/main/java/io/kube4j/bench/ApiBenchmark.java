package io.kube4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The foundation benchmark: the same API workloads against kube4j (its own process) and fabric8's
 * in-memory mock server in CRUD mode, plus the raw store's put rate, printed as Markdown tables.
 *
 * <pre>
 * java io.kube4j.bench.ApiBenchmark [--configmaps 20000] [--pods 10000] [--events 10000]
 *     [--clients 16] [--watchers 100] [--lists 5] [--jar cli/target/kube4j.jar]
 * </pre>
 */
public final class ApiBenchmark {

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchSettings settings = BenchSettings.parse(args);
        PrintStream out = System.out;
        String kube4jSetup;
        Figures kube4j;
        try (Kube4jTarget target = Kube4jTarget.start(settings.kube4jJar())) {
            kube4jSetup = target.description();
            kube4j = TargetRun.measure(target, settings);
        }
        String mockSetup;
        Figures mock;
        try (MockTarget target = MockTarget.start()) {
            mockSetup = target.description();
            mock = TargetRun.measure(target, settings);
        }
        System.err.println("[raw store] " + settings.configMaps() + " creates ...");
        ConcurrentLoad.Result raw = RawStorePuts.run(settings.configMaps(), settings.clients());

        out.printf("%n## kube4j API benchmark%n%n");
        out.printf("Client: JDK java.net.http.HttpClient sending and receiving raw JSON bytes (no object mapping),"
                + " one connection per concurrent client; all watchers of a run share one connection.%n");
        out.printf("- kube4j: %s%n- mock: %s%n- machine: %d CPUs, Java %s%n%n", kube4jSetup, mockSetup,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Report report = new Report(out);
        report.comparison(kube4j, mock);
        report.rawStore(raw, settings.clients(), kube4j, TargetRun.configMapWrites(settings));
        report.memory("kube4j", kube4j.memory());
        report.remarks("Notes", concat(kube4j.notes(), mock.notes()));
        report.remarks("Failures", concat(prefixed("kube4j", kube4j), prefixed("mock", mock)));
        out.flush();
        System.exit(kube4j.failures().isEmpty() && mock.failures().isEmpty() ? 0 : 1);
    }

    private static List<String> prefixed(String target, Figures figures) {
        return figures.failures().stream().map(failure -> target + " " + failure).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
