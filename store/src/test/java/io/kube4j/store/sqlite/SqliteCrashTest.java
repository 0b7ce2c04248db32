package io.kube4j.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.store.KeyValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing JVM with SIGKILL and checks that every write it acknowledged is in the database. */
class SqliteCrashTest {

    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Path dbFile = dir.resolve("crash.db");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(), dbFile.toString(), "8")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();

        Map<String, Long> acknowledged = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            readAcknowledgements(out, acknowledged, ACKS_BEFORE_KILL);
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            // Lines already in the pipe were acknowledged before the kill too.
            readAcknowledgements(out, acknowledged, Integer.MAX_VALUE);
        }
        assertTrue(acknowledged.size() >= ACKS_BEFORE_KILL, "child exited early: " + acknowledged.size() + " acks");

        try (SqliteKeyValueStore store = SqliteKeyValueStore.open(dbFile)) {
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                KeyValue kv = store.get(ack.getKey()).orElseThrow(() -> new AssertionError("lost " + ack.getKey()));
                assertEquals(ack.getValue(), kv.modRevision(), ack.getKey());
            }
            long highestAcknowledged = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(store.currentRevision() >= highestAcknowledged);
            assertEquals(store.count("/crash/"), store.range("/crash/", null, 0, 0).kvs().size());
        }
    }

    /** Reads complete acknowledgement lines until {@code target} are collected or the output ends. */
    private static void readAcknowledgements(BufferedReader out, Map<String, Long> acknowledged, int target)
            throws IOException {
        String line;
        while (acknowledged.size() < target && (line = out.readLine()) != null) {
            String[] fields = line.split(" ");
            if (fields.length == 4 && fields[0].equals(AcknowledgingWriter.ACK) && fields[3].equals(AcknowledgingWriter.END)) {
                acknowledged.put(fields[1], Long.parseLong(fields[2]));
            }
        }
    }
}
