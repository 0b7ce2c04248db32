package io.kube4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl ({@code /usr/bin/kubectl}) against a cluster, with a private cache dir. */
public final class Kubectl {
    private static final String BINARY = System.getenv().getOrDefault("KUBECTL", "/usr/bin/kubectl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path kubeconfig;
    private final Path cacheDir;

    Kubectl(Path kubeconfig, Path cacheDir) {
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    /** The outcome of one kubectl run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result ok() {
            assertEquals(0, exitCode, () -> "kubectl failed: " + stderr + stdout);
            return this;
        }

        public Result failed() {
            if (exitCode == 0) {
                throw new AssertionError("kubectl unexpectedly succeeded: " + stdout);
            }
            return this;
        }

        /** The first row of the table kubectl printed: the line after the header. */
        public String firstRow() {
            return stdout.lines().skip(1).findFirst()
                    .orElseThrow(() -> new AssertionError("kubectl printed no rows: " + stdout + stderr));
        }

        /** Stdout parsed as JSON (after {@code -o json}). */
        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (JsonProcessingException e) {
                throw new AssertionError("kubectl printed no JSON: " + stdout, e);
            }
        }
    }

    public Result run(String... args) {
        return runWithInput(null, Map.of(), args);
    }

    /** Runs with {@code input} on stdin (for {@code -f -}). */
    public Result runWithInput(String input, String... args) {
        return runWithInput(input, Map.of(), args);
    }

    /** Runs with {@code input} on stdin (for {@code -f -}) and extra environment variables. */
    public Result runWithInput(String input, Map<String, String> env, String... args) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command(args));
            pb.environment().putAll(env);
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl timed out: " + String.join(" ", args));
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code kubectl get ARGS -o json}, which must succeed, and parses the output. */
    public JsonNode getJson(String... args) {
        List<String> all = new ArrayList<>(List.of("get"));
        all.addAll(List.of(args));
        all.addAll(List.of("-o", "json"));
        return run(all.toArray(String[]::new)).ok().json();
    }

    /** The pods {@code kubectl get pods ARGS -o json} lists (ARGS: namespace, selectors...). */
    PodList pods(String... args) {
        List<String> all = new ArrayList<>(List.of("pods"));
        all.addAll(List.of(args));
        return PodList.of(getJson(all.toArray(String[]::new)));
    }

    /** Starts kubectl without waiting (for {@code get -w}); the caller reads and destroys it. */
    public Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    }

    /** Starts a long-running kubectl (such as {@code get -w}) whose output lines can be awaited. */
    public StreamingKubectl stream(String... args) {
        try {
            return new StreamingKubectl(start(args));
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl", e);
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(BINARY, "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", cacheDir.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
