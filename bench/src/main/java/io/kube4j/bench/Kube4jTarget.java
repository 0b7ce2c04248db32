package io.kube4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * kube4j reached like kubectl reaches it: HTTPS (HTTP/2 by ALPN) authenticated with the admin
 * client certificate of the kubeconfig the server wrote; watches stream over HTTP.
 */
public final class Kube4jTarget implements ApiTarget {
    private final Kube4jProcess server;
    private final URI base;
    private final SSLContext tls;

    private Kube4jTarget(Kube4jProcess server, URI base, SSLContext tls) {
        this.server = server;
        this.base = base;
        this.tls = tls;
    }

    static Kube4jTarget start(Path jar) throws IOException {
        return connectTo(Kube4jProcess.start(jar));
    }

    /** {@code kube4j server} with {@code serverArgs} added, e.g. {@code --simulated-nodes 5000}. */
    public static Kube4jTarget start(Path jar, List<String> serverArgs, Duration startTimeout) throws IOException {
        return connectTo(Kube4jProcess.start(jar, serverArgs, startTimeout));
    }

    private static Kube4jTarget connectTo(Kube4jProcess server) throws IOException {
        try {
            JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(server.kubeconfig().toFile());
            JsonNode cluster = config.path("clusters").path(0).path("cluster");
            JsonNode user = config.path("users").path(0).path("user");
            SSLContext tls = TlsContexts.withClientCertificate(decoded(cluster, "certificate-authority-data"),
                    decoded(user, "client-certificate-data"), decoded(user, "client-key-data"));
            return new Kube4jTarget(server, URI.create(cluster.path("server").asText() + "/"), tls);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static String decoded(JsonNode node, String field) {
        String base64 = node.path(field).asText();
        if (base64.isEmpty()) {
            throw new IllegalStateException("the kube4j kubeconfig has no " + field);
        }
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    @Override
    public String name() {
        return "kube4j";
    }

    @Override
    public String description() {
        return "kube4j server in its own JVM (-XX:+UseSerialGC -Xss512k, as ./kube4j runs it), SQLite store;"
                + " HTTPS with the admin client certificate, HTTP/2; watch = streamed GET";
    }

    @Override
    public ApiClient connect() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new ApiClient(http, base);
    }

    @Override
    public Watch watchConfigMaps(ApiClient client, String namespace, String resourceVersion, WatchSink sink) {
        return StreamingWatch.open(client, "/api/v1/namespaces/" + namespace + "/configmaps?watch=true&allowWatchBookmarks=true"
                + "&resourceVersion=" + resourceVersion, sink);
    }

    /** The server's process id (for its CPU time, or jcmd). */
    public long serverPid() {
        return server.pid();
    }

    @Override
    public Optional<ProcessMemory> serverMemory() {
        return Optional.of(server.memory());
    }

    @Override
    public void close() {
        server.close();
    }
}
