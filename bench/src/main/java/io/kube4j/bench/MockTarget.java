package io.kube4j.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * fabric8's {@code KubernetesMockServer} in CRUD mode (what {@code @EnableKubernetesMockClient(crud = true)}
 * builds), in this JVM, over HTTPS with its self-signed certificate so that the client does the
 * same TLS and HTTP/2 work as against kube4j. Its watches are WebSockets.
 */
final class MockTarget implements ApiTarget {
    /**
     * The mock logs every request at INFO through java.util.logging; kept here because loggers are
     * only weakly referenced and would lose the level.
     */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final URI base;
    private final SSLContext tls;

    private MockTarget(KubernetesMockServer server, URI base, SSLContext tls) {
        this.server = server;
        this.base = base;
        this.tls = tls;
    }

    static MockTarget start() throws IOException {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        server.init();
        try {
            String certificate = Files.readString(Path.of(server.getSelfSignedCertificate().certificatePath()));
            return new MockTarget(server, URI.create(server.url("/")), TlsContexts.trusting(certificate));
        } catch (IOException | RuntimeException e) {
            server.destroy();
            throw e;
        }
    }

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public String description() {
        return "fabric8 kubernetes-server-mock " + version() + " KubernetesMockServer, CRUD mode, in the benchmark JVM;"
                + " HTTPS (self-signed), HTTP/2; watch = WebSocket (its only watch transport)";
    }

    private static String version() {
        try (InputStream in = KubernetesMockServer.class.getResourceAsStream(
                "/META-INF/maven/io.fabric8/kubernetes-server-mock/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    @Override
    public ApiClient connect() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new ApiClient(http, base);
    }

    @Override
    public Watch watchConfigMaps(ApiClient client, String namespace, String resourceVersion, WatchSink sink) {
        return WebSocketWatch.open(client, "/api/v1/namespaces/" + namespace + "/configmaps?watch=true&allowWatchBookmarks=true"
                + "&resourceVersion=" + resourceVersion, sink);
    }

    /** None of its own: it shares this JVM with the client. */
    @Override
    public Optional<ProcessMemory> serverMemory() {
        return Optional.empty();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
