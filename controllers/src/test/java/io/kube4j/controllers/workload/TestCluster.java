package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventRecorder;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * An API server with a client and controllers on it, for end-to-end tests. No kubelet runs: tests
 * play one by writing pod status through the status subresource.
 */
public final class TestCluster implements AutoCloseable {
    private final TestApiServer server;
    private final KubernetesClient client;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final ControllerContext context;
    private final List<Controller> controllers = new ArrayList<>();

    private TestCluster(TestApiServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
        this.context = new ControllerContext(client, client.informers(), new EventRecorder(client, "test"), clock);
    }

    public static TestCluster start() throws Exception {
        TestApiServer server = TestApiServer.start();
        Config config = Config.fromKubeconfig(Files.readString(server.kubeconfig()));
        // The server's admin client key is an EC key; fabric8 assumes RSA unless told.
        config.setClientKeyAlgo("EC");
        // The server streams watches over plain HTTP; fabric8 would otherwise wait for a WebSocket upgrade.
        config.setOnlyHttpWatches(true);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new TestCluster(server, client);
    }

    /** Builds controllers on this cluster's context, starts the informers, then the controllers. */
    public void run(List<Function<ControllerContext, Controller>> factories) throws Exception {
        factories.forEach(f -> controllers.add(f.apply(context)));
        context.informers().startAllRegisteredInformers().get(30, TimeUnit.SECONDS);
        controllers.forEach(Controller::start);
    }

    public KubernetesClient client() {
        return client;
    }

    public MutableClock clock() {
        return clock;
    }

    public ControllerContext context() {
        return context;
    }

    /** Reports a pod as a kubelet would once its containers run and pass readiness. */
    public void markRunningReady(String namespace, String name) {
        writeStatus(namespace, name, "Running", List.of(condition("Ready"), condition("ContainersReady")));
    }

    public void markPhase(String namespace, String name, String phase) {
        writeStatus(namespace, name, phase, List.of());
    }

    private void writeStatus(String namespace, String name, String phase, List<PodCondition> conditions) {
        retryOnConflict(() -> {
            Pod pod = client.pods().inNamespace(namespace).withName(name).get();
            PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
            status.setPhase(phase);
            status.setConditions(conditions);
            pod.setStatus(status);
            client.pods().inNamespace(namespace).resource(pod).updateStatus();
        });
    }

    private static PodCondition condition(String type) {
        return new PodConditionBuilder().withType(type).withStatus("True")
                .withLastTransitionTime(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).build();
    }

    /**
     * Runs a test-side write, again if it meets a 409: the server also answers 409 to a patch that
     * carries no resourceVersion when a controller writes the object at the same moment.
     */
    public static void retryOnConflict(Runnable write) {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Waits until {@code condition} holds, checking every 50 ms; fails with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        controllers.forEach(Controller::close);
        context.informers().stopAllRegisteredInformers();
        client.close();
        server.close();
    }
}
