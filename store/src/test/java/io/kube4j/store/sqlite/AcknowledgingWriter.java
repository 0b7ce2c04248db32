package io.kube4j.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;

/**
 * The child process of {@link SqliteCrashTest}: creates keys from several threads until killed
 * and prints {@code ACK <key> <revision> END} on stdout once each create has returned.
 */
public final class AcknowledgingWriter {

    static final String ACK = "ACK";
    static final String END = "END";

    private AcknowledgingWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dbFile = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        SqliteKeyValueStore store = SqliteKeyValueStore.open(dbFile);
        for (int t = 0; t < threads; t++) {
            String prefix = "/crash/" + t + "/";
            Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    String key = prefix + i;
                    long revision = store.create(key, key.getBytes(UTF_8)).modRevision();
                    acknowledge(key, revision);
                }
            });
        }
        Thread.currentThread().join();
    }

    private static synchronized void acknowledge(String key, long revision) {
        System.out.println(ACK + " " + key + " " + revision + " " + END);
        System.out.flush();
    }
}
