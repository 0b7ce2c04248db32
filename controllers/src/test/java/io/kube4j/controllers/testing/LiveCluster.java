package io.kube4j.controllers.testing;

import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.apiserver.testing.TestApiServer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.ControllerManager;
import io.kube4j.controllers.EventRecorder;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-process API server with a client, for end-to-end tests: build controllers on
 * {@link #context()} and {@link #run} them, or run the whole {@link ControllerManager}. No kubelet
 * runs: tests play one by writing pod status through the status subresource.
 */
public final class LiveCluster implements AutoCloseable {
    private final TestApiServer server;
    private final KubernetesClient client;
    private final ControllerContext context;
    private final List<Controller> running = new ArrayList<>();
    private ControllerManager manager;

    private LiveCluster(TestApiServer server, KubernetesClient client, Clock clock) {
        this.server = server;
        this.client = client;
        this.context = new ControllerContext(client, client.informers(), new EventRecorder(client, "kube4j-test"), clock);
    }

    public static LiveCluster start() throws Exception {
        return start(Clock.systemUTC());
    }

    /** A cluster whose controllers read {@code clock} (e.g. a {@link MutableClock}). */
    public static LiveCluster start(Clock clock) throws Exception {
        TestApiServer server = TestApiServer.start();
        return new LiveCluster(server, TestClients.connect(server), clock);
    }

    public KubernetesClient client() {
        return client;
    }

    public ControllerContext context() {
        return context;
    }

    /** Starts the informers the given controllers registered, waits for their caches, then the controllers. */
    public void run(Controller... controllers) throws Exception {
        context.informers().startAllRegisteredInformers().get(30, TimeUnit.SECONDS);
        for (Controller controller : controllers) {
            controller.start();
            running.add(controller);
        }
    }

    /** Runs every controller, as the controller manager of a real cluster (on the system clock). */
    public void runControllerManager() throws Exception {
        manager = ControllerManager.start(client);
    }

    /** Reports a pod as a kubelet would once its containers run and pass readiness; a pod already gone is skipped. */
    public void markRunningReady(String namespace, String name) {
        writeStatus(namespace, name, "Running", List.of(trueCondition("Ready"), trueCondition("ContainersReady")));
    }

    public void markPhase(String namespace, String name, String phase) {
        writeStatus(namespace, name, phase, List.of());
    }

    /** A merge patch of pods/status: the phase and the whole list of conditions. */
    private void writeStatus(String namespace, String name, String phase, List<PodCondition> conditions) {
        String patch = client.getKubernetesSerialization()
                .asJson(Map.of("status", Map.of("phase", phase, "conditions", conditions)));
        try {
            client.pods().inNamespace(namespace).withName(name).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static PodCondition trueCondition(String type) {
        return new PodConditionBuilder().withType(type).withStatus("True")
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build();
    }

    @Override
    public void close() throws Exception {
        running.forEach(Controller::close);
        context.informers().stopAllRegisteredInformers();
        if (manager != null) {
            manager.close();
        }
        client.close();
        server.close();
    }
}
