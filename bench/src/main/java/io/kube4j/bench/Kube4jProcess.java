package io.kube4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code kube4j server} in a JVM of its own, started the way the {@code ./kube4j} script starts it,
 * on a free loopback port with a fresh data dir, so that its memory can be read from /proc.
 */
final class Kube4jProcess implements AutoCloseable {
    private static final String KUBECONFIG_LINE = "export KUBECONFIG=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path dataDir;
    private final Path kubeconfig;

    private Kube4jProcess(Process process, Path dataDir, Path kubeconfig) {
        this.process = process;
        this.dataDir = dataDir;
        this.kubeconfig = kubeconfig;
    }

    static Kube4jProcess start(Path jar) throws IOException {
        return start(jar, List.of(), START_TIMEOUT);
    }

    /** Starts {@code kube4j server} with {@code serverArgs} added, waiting up to {@code startTimeout} for it. */
    static Kube4jProcess start(Path jar, List<String> serverArgs, Duration startTimeout) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("kube4j jar not found: " + jar + " (build it with bench/run.sh)");
        }
        Path dataDir = Files.createTempDirectory("kube4j-bench");
        Path log = dataDir.resolve("server.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xss512k", "-jar", jar.toString(),
                "server", "--data-dir", dataDir.toString(), "--https-listen-port", Integer.toString(freePort()),
                "--bind-address", "127.0.0.1"));
        command.addAll(serverArgs);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        // An interrupted benchmark must not leave the server running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "kube4j-server-stop"));
        try {
            return new Kube4jProcess(process, dataDir, awaitKubeconfig(process, log, startTimeout));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Reads the server's stdout until it prints where its kubeconfig is, then keeps draining it. */
    private static Path awaitKubeconfig(Process process, Path log, Duration timeout) {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Path> kubeconfig = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("kube4j-stdout").start(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    if (line.startsWith(KUBECONFIG_LINE)) {
                        kubeconfig.complete(Path.of(line.substring(KUBECONFIG_LINE.length()).trim()));
                    }
                }
                kubeconfig.completeExceptionally(new IllegalStateException("kube4j server exited with "
                        + process.waitFor() + " before it was ready; its log:\n" + tail(log)));
            } catch (IOException | InterruptedException e) {
                kubeconfig.completeExceptionally(e);
            }
        });
        try {
            return kubeconfig.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("kube4j server not ready after " + timeout.toSeconds() + "s; its log:\n"
                    + tail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting kube4j", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    long pid() {
        return process.pid();
    }

    ProcessMemory memory() {
        if (!process.isAlive()) {
            throw new IllegalStateException("kube4j server died (exit " + process.exitValue() + ")");
        }
        return ProcessMemory.of(process.pid());
    }

    /** Stops the server (SIGTERM, so it shuts down cleanly) and deletes its data dir. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        TempDirs.delete(dataDir);
    }
}
