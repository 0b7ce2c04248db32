package io.kube4j.bench;

import io.kube4j.store.sqlite.SqliteKeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling under the API: the same ConfigMap JSON put straight into the SQLite store kube4j
 * runs on, from as many threads as there are API clients, each create durable when it returns.
 */
final class RawStorePuts {

    private RawStorePuts() {
    }

    static ConcurrentLoad.Result run(int count, int threads) throws IOException {
        Path dir = Files.createTempDirectory("kube4j-bench-store");
        try (SqliteKeyValueStore store = SqliteKeyValueStore.open(dir.resolve("state.db"))) {
            return ConcurrentLoad.run(count, threads, worker -> index -> store.create(
                    "/registry/core/configmaps/bench-raw/" + Manifests.configMapName(index),
                    Manifests.configMap("bench-raw", index, index)));
        } finally {
            TempDirs.delete(dir);
        }
    }
}
