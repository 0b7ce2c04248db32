package io.kube4j.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.resource.BuiltinResources;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.discovery.Discovery;
import io.kube4j.apiserver.http.AccessReviews;
import io.kube4j.apiserver.metrics.MetricsEndpoint;
import io.kube4j.apiserver.metrics.MetricsSource;
import io.kube4j.apiserver.http.ApiHandler;
import io.kube4j.apiserver.http.Authenticator;
import io.kube4j.apiserver.http.BodyCodec;
import io.kube4j.apiserver.http.FieldValidation;
import io.kube4j.apiserver.http.OpenApiEndpoint;
import io.kube4j.apiserver.http.Patcher;
import io.kube4j.apiserver.http.PodDisruptionCheck;
import io.kube4j.apiserver.http.ResourceEndpoint;
import io.kube4j.apiserver.http.ServerSideApplier;
import io.kube4j.apiserver.http.Subresources;
import io.kube4j.apiserver.http.Tables;
import io.kube4j.apiserver.http.WatchStream;
import io.kube4j.apiserver.join.CaCertsHandler;
import io.kube4j.apiserver.join.ClusterToken;
import io.kube4j.apiserver.registry.Admission;
import io.kube4j.apiserver.registry.Conversion;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.conversion.StoredVersions;
import io.kube4j.apiserver.registry.Registries;
import io.kube4j.apiserver.registry.kinds.BuiltinStrategies;
import io.kube4j.apiserver.registry.kinds.CidrServiceAllocator;
import io.kube4j.apiserver.system.Bootstrap;
import io.kube4j.apiserver.system.Compactor;
import io.kube4j.apiserver.system.CustomResources;
import io.kube4j.apiserver.system.DefaultStorageClassAdmission;
import io.kube4j.apiserver.system.NamespaceAdmission;
import io.kube4j.apiserver.system.PriorityAdmission;
import io.kube4j.apiserver.system.NamespaceFinalizer;
import io.kube4j.apiserver.tls.ClusterCertificates;
import io.kube4j.apiserver.tls.Kubeconfig;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.sqlite.SqliteKeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The API server: store, watch cache, registries, bootstrap objects and the HTTPS endpoint,
 * started in that order; {@link #close()} stops them in reverse.
 */
public final class ApiServer implements AutoCloseable {
    public static final String VERSION = "v1.32.4-kube4j";
    private static final int WATCH_HISTORY = 100_000;
    private static final long IDLE_TIMEOUT_MS = 3_600_000;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Registries registries;
    private final ClusterCertificates certificates;
    private final ClusterToken joinToken;
    private final ServedSchemas schemas;
    private final MetricsEndpoint metrics;
    private final Path kubeconfig;
    private final int port;

    private ApiServer(ApiServerConfig config) throws Exception {
        Files.createDirectories(config.dataDir());
        KeyValueStore store = openStore(config);
        closeables.add(store);
        WatchCache cache = new WatchCache(store, WATCH_HISTORY);
        cache.start();
        closeables.add(cache);
        Clock clock = Clock.systemUTC();
        registries = new Registries(store, cache, clock,
                Admission.chain(new NamespaceAdmission(cache), new PriorityAdmission(cache),
                        new DefaultStorageClassAdmission(cache)));
        ServiceNetwork network = ServiceNetwork.parse(config.serviceCidr());
        CidrServiceAllocator allocator = new CidrServiceAllocator(network.cidr(),
                CidrServiceAllocator.DEFAULT_NODE_PORT_MIN, CidrServiceAllocator.DEFAULT_NODE_PORT_MAX,
                () -> List.copyOf(registries.find("", "v1", "services").list(null, ListOptions.ALL).items()), clock);
        List<ResourceType> builtin = BuiltinResources.all();
        for (ResourceType type : builtin) {
            // SelfSubjectAccessReviews are answered by AccessReviews; registered for discovery, never stored.
            Conversion conversion = StoredVersions.conversion(type, builtin);
            ResourceType stored = conversion == null ? type : conversion.storage();
            registries.register(type, conversion, BuiltinStrategies.forKind(stored.group(), stored.kind(), allocator));
        }
        schemas = new ServedSchemas(registries);
        metrics = new MetricsEndpoint(registries);
        CustomResources customResources = new CustomResources(registries, schemas);
        customResources.start();
        closeables.add(customResources);
        NamespaceFinalizer finalizer = new NamespaceFinalizer(registries);
        finalizer.start();
        closeables.add(finalizer);
        Compactor compactor = new Compactor(store, 300);
        compactor.start();
        closeables.add(compactor);

        certificates = ClusterCertificates.loadOrCreate(config.dataDir(), List.of(), advertisedIps(config, network));
        joinToken = ClusterToken.loadOrCreate(config.dataDir(), config.token(), certificates.caCertificate());
        Server server = jetty(config, handler(config, clock));
        server.start();
        closeables.add(server::stop);
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        Bootstrap.run(registries, network.firstAddress(), config.advertiseAddress(), port);
        kubeconfig = config.dataDir().resolve("kubeconfig.yaml");
        writeKubeconfig(kubeconfig, config);
    }

    public static ApiServer start(ApiServerConfig config) throws Exception {
        return new ApiServer(config);
    }

    public int port() {
        return port;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public Registries registries() {
        return registries;
    }

    /** The token node agents join with (stored in {@code DATA_DIR/token}). */
    public ClusterToken joinToken() {
        return joinToken;
    }

    /** Serves metrics.k8s.io from {@code source} (the node agents' usage samples). */
    public void metricsSource(MetricsSource source) {
        metrics.source(source);
    }

    /** Writes an admin kubeconfig for this server to {@code file}. */
    public void writeKubeconfig(Path file, ApiServerConfig config) throws IOException {
        String host = config.advertiseAddress().contains(":") ? "[" + config.advertiseAddress() + "]" : config.advertiseAddress();
        Kubeconfig.write(file, "https://" + host + ":" + port, certificates.caCertificatePem(),
                certificates.adminCertificate().certificatePem(), certificates.adminCertificate().privateKeyPem());
    }

    private static KeyValueStore openStore(ApiServerConfig config) throws IOException {
        if (config.datastoreEndpoint() != null && !config.datastoreEndpoint().startsWith("sqlite://")) {
            throw new IllegalArgumentException("unsupported --datastore-endpoint " + config.datastoreEndpoint()
                    + " (supported: sqlite://PATH)");
        }
        Path db = config.datastoreEndpoint() != null
                ? Path.of(config.datastoreEndpoint().substring("sqlite://".length()))
                : config.dataDir().resolve("db").resolve("state.db");
        Files.createDirectories(db.toAbsolutePath().getParent());
        return SqliteKeyValueStore.open(db);
    }

    private static List<String> advertisedIps(ApiServerConfig config, ServiceNetwork network) {
        List<String> ips = new ArrayList<>(List.of(network.firstAddress(), config.advertiseAddress()));
        if (!config.bindAddress().equals("0.0.0.0") && !config.bindAddress().equals("::")) {
            ips.add(config.bindAddress());
        }
        return ips;
    }

    private ApiHandler handler(ApiServerConfig config, Clock clock) {
        BodyCodec codec = new BodyCodec();
        Tables tables = new Tables(clock);
        FieldValidation validation = new FieldValidation(schemas::schema);
        Patcher patcher = new Patcher(codec, validation, schemas::schema, new ServerSideApplier(schemas::schema, clock));
        ResourceEndpoint resources = new ResourceEndpoint(codec, tables, patcher, validation, new WatchStream(tables),
                schemas::printer);
        Subresources subresources = new Subresources(codec, resources, new PodDisruptionCheck(registries));
        AtomicReference<Discovery> discovery = new AtomicReference<>();
        AtomicReference<Long> discoveryGeneration = new AtomicReference<>(-1L);
        return new ApiHandler(new Authenticator(joinToken::accepts), registries, () -> {
            long generation = registries.generation();
            if (discoveryGeneration.get() != generation) {
                discovery.set(new Discovery(registries.types()));
                discoveryGeneration.set(generation);
            }
            return discovery.get();
        }, new OpenApiEndpoint(schemas), resources, subresources, new AccessReviews(codec), metrics, versionInfo(),
                () -> true);
    }

    private Server jetty(ApiServerConfig config, ApiHandler handler) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("apiserver");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(http);
        http2.setMaxConcurrentStreams(1000);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http1.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificates.serverKeyStore());
        ssl.setKeyStorePassword(certificates.keyStorePassword());
        ssl.setTrustStore(certificates.trustStore());
        ssl.setWantClientAuth(true);
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()),
                alpn, http2, http1);
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new CaCertsHandler(certificates.caCertificatePem(), handler));
        ServerWebSocketContainer.ensure(server).setIdleTimeout(java.time.Duration.ofMillis(IDLE_TIMEOUT_MS));
        return server;
    }

    private static ObjectNode versionInfo() {
        return Json.object().put("major", "1").put("minor", "32").put("gitVersion", VERSION)
                .put("gitCommit", "kube4j").put("gitTreeState", "clean").put("buildDate", "2026-11-25T00:00:00Z")
                .put("goVersion", "java" + Runtime.version().feature()).put("compiler", "javac")
                .put("platform", "linux/amd64");
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                // keep closing the rest; a failed close must not leave the store open
            }
        }
    }
}
