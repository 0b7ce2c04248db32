package io.kube4j.apiserver.testing;

import io.kube4j.apiserver.ApiServer;
import io.kube4j.apiserver.ApiServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An API server for other modules' tests: started in-process on a free 127.0.0.1 port with a fresh
 * data dir; {@link #kubeconfig()} is an admin kubeconfig for clients (kubectl, fabric8).
 */
public final class TestApiServer implements AutoCloseable {
    private final Path dataDir;
    private final ApiServer server;

    private TestApiServer(Path dataDir, ApiServer server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    public static TestApiServer start() throws Exception {
        Path dir = Files.createTempDirectory("kube4j-test");
        ApiServerConfig config = new ApiServerConfig(dir, "127.0.0.1", 0, "127.0.0.1", null, "test-token",
                "10.96.0.0/12");
        return new TestApiServer(dir, ApiServer.start(config));
    }

    public Path kubeconfig() {
        return server.kubeconfig();
    }

    public ApiServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
