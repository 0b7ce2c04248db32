package io.kube4j.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A kubectl process that keeps running (e.g. {@code get -w}); its merged stdout/stderr is collected
 * line by line on a background thread so tests can wait for the rows they expect.
 */
public final class StreamingKubectl implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    StreamingKubectl(Process process) {
        this.process = process;
        Thread.ofVirtual().name("kubectl-output").start(this::collect);
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was destroyed; the lines read so far stay available
        }
    }

    /**
     * Waits until a line after index {@code from} matches, and returns its index; fails with all
     * output so far if none matches within {@code timeout}.
     */
    public int awaitLine(int from, Predicate<String> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            for (int i = from; ; ) {
                for (; i < lines.size(); i++) {
                    if (matcher.test(lines.get(i))) {
                        return i;
                    }
                }
                long waitMs = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMs <= 0) {
                    throw new AssertionError("no matching line from kubectl within " + timeout
                            + " (alive=" + process.isAlive() + "), output:\n" + String.join("\n", lines));
                }
                try {
                    lines.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
