package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventRecorder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * An in-process API server with a client and a controller context, for the infrastructure
 * controllers' end-to-end tests: build controllers on {@link #context()}, {@link #run} them, then
 * {@link #poll} the API until the expected state shows up.
 */
public final class LiveCluster implements AutoCloseable {
    private final TestApiServer server;
    private final KubernetesClient client;
    private final SyncingInformerFactory informers;
    private final ControllerContext context;
    private final List<Controller> running = new ArrayList<>();

    private LiveCluster(TestApiServer server, KubernetesClient client, Clock clock) {
        this.server = server;
        this.client = client;
        this.informers = new SyncingInformerFactory(client.informers());
        this.context = new ControllerContext(client, informers, new EventRecorder(client, "kube4j-test"), clock);
    }

    public static LiveCluster start() throws Exception {
        return start(Clock.systemUTC());
    }

    public static LiveCluster start(Clock clock) throws Exception {
        TestApiServer server = TestApiServer.start();
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        config.setClientKeyAlgo(clientKeyAlgorithm(config));
        // The server streams watches over plain HTTP; fabric8 would otherwise wait for a WebSocket upgrade.
        config.setOnlyHttpWatches(true);
        return new LiveCluster(server, new KubernetesClientBuilder().withConfig(config).build(), clock);
    }

    /** fabric8 reads a PKCS#8 key as RSA unless told its algorithm: take it from the client certificate. */
    private static String clientKeyAlgorithm(Config config) throws Exception {
        byte[] pem = Base64.getDecoder().decode(config.getClientCertData());
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem))
                .getPublicKey().getAlgorithm();
    }

    public KubernetesClient client() {
        return client;
    }

    public ControllerContext context() {
        return context;
    }

    /** Starts the informers the given controllers registered, waits for their caches, then the controllers. */
    public void run(Controller... controllers) throws Exception {
        informers.startAndAwaitSync(Duration.ofSeconds(30));
        for (Controller controller : controllers) {
            controller.start();
            running.add(controller);
        }
    }

    /** Polls {@code probe} until it returns non-null (the value returned) or fails the test after {@code timeout}. */
    public static <T> T poll(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        running.forEach(Controller::close);
        context.informers().stopAllRegisteredInformers();
        client.close();
        server.close();
    }
}
