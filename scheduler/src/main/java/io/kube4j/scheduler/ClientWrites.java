package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kube4j.controllers.EventRecorder;
import io.kube4j.scheduler.framework.PodInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's writes over fabric8, none of which the scheduling thread waits for. Bindings are
 * POSTs to {@code pods/{name}/binding} (fabric8 has no call for that subresource) by a fixed set of
 * workers: a few dozen writes in flight keep the server busiest, hundreds only contend (measured on
 * two cores: 16-32 bindings in flight went about 4x faster than 256). Events go through a bounded
 * queue and are dropped when it is full, as upstream's event broadcaster does; condition updates
 * and victim deletions queue behind their own few workers.
 */
final class ClientWrites implements ApiWrites, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientWrites.class);
    private static final int BINDING_WORKERS = 32;
    private static final int EVENT_WORKERS = 4;
    private static final int EVENT_QUEUE_CAPACITY = 1000;
    private static final int BACKGROUND_WORKERS = 4;
    private static final String SELECTED_NODE = "volume.kubernetes.io/selected-node";

    private final KubernetesClient client;
    private final HttpClient http;
    /** The core API's URL, {@code https://host:port/api/v1}. */
    private final String apiBase;
    private final EventRecorder events;
    private final ExecutorService binders = workers("binder", BINDING_WORKERS);
    private final ExecutorService eventWriters = new ThreadPoolExecutor(EVENT_WORKERS, EVENT_WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(EVENT_QUEUE_CAPACITY), Thread.ofVirtual().name("scheduler-events-", 0).factory(),
            new ThreadPoolExecutor.DiscardPolicy());
    private final ExecutorService background = workers("scheduler-writes", BACKGROUND_WORKERS);

    ClientWrites(KubernetesClient client) {
        this.client = client;
        this.http = client.getHttpClient();
        this.apiBase = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1";
        this.events = new EventRecorder(client, Scheduler.NAME);
    }

    /** Builds and posts the Binding on a binding worker: the scheduling thread only hands the pod over. */
    @Override
    public CompletableFuture<Void> bind(PodInfo pod, String node) {
        return CompletableFuture.runAsync(() -> {
            Binding binding = new BindingBuilder()
                    .withNewMetadata().withName(pod.name()).withNamespace(pod.namespace()).withUid(pod.uid()).endMetadata()
                    .withNewTarget().withApiVersion("v1").withKind("Node").withName(node).endTarget()
                    .build();
            HttpRequest request = http.newHttpRequestBuilder()
                    .uri(apiBase + "/namespaces/" + pod.namespace() + "/pods/" + pod.name() + "/binding")
                    .post("application/json", client.getKubernetesSerialization().asJson(binding)).build();
            HttpResponse<String> response = http.sendAsync(request, String.class).join();
            if (!response.isSuccessful()) {
                throw new KubernetesClientException("binding " + pod.key() + " to " + node + " failed: "
                        + response.code() + " " + response.body(), response.code(), null);
            }
        }, binders);
    }

    /** A merge patch of the claim's annotations, on a binding worker (the pod's binding waits for it). */
    @Override
    public CompletableFuture<Void> selectNode(String namespace, String claim, String node) {
        String patch = client.getKubernetesSerialization().asJson(
                Map.of("metadata", Map.of("annotations", Map.of(SELECTED_NODE, node))));
        return CompletableFuture.runAsync(() -> client.persistentVolumeClaims().inNamespace(namespace).withName(claim)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch), binders);
    }

    private static ExecutorService workers(String name, int count) {
        return Executors.newFixedThreadPool(count, Thread.ofVirtual().name(name + "-", 0).factory());
    }

    @Override
    public void markUnschedulable(PodInfo pod, String reason, String message, String nominatedNode) {
        if (alreadyMarked(pod, reason, message, nominatedNode)) {
            return;
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "PodScheduled");
        condition.put("status", "False");
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conditions", List.of(condition));
        if (nominatedNode != null) {
            status.put("nominatedNodeName", nominatedNode.isEmpty() ? null : nominatedNode);
        }
        String patch = client.getKubernetesSerialization().asJson(Map.of("status", status));
        background.execute(() -> {
            try {
                client.pods().inNamespace(pod.namespace()).withName(pod.name()).subresource("status")
                        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
            } catch (KubernetesClientException e) {
                LOG.debug("PodScheduled condition of {} not updated: {}", pod.key(), e.getMessage());
            }
        });
    }

    /** Whether the pod already says exactly this (no write needed, as upstream skips unchanged conditions). */
    private static boolean alreadyMarked(PodInfo pod, String reason, String message, String nominatedNode) {
        if (pod.pod().getStatus() == null || pod.pod().getStatus().getConditions() == null) {
            return false;
        }
        boolean sameNomination = nominatedNode == null
                || Objects.equals(nominatedNode.isEmpty() ? null : nominatedNode, pod.nominatedNodeName());
        for (PodCondition c : pod.pod().getStatus().getConditions()) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && reason.equals(c.getReason())
                    && message.equals(c.getMessage())) {
                return sameNomination;
            }
        }
        return false;
    }

    @Override
    public void deletePod(PodInfo victim) {
        background.execute(() -> {
            try {
                client.pods().inNamespace(victim.namespace()).withName(victim.name()).delete();
            } catch (KubernetesClientException e) {
                LOG.info("preemption victim {} not deleted: {}", victim.key(), e.getMessage());
            }
        });
    }

    @Override
    public void event(PodInfo pod, String type, String reason, String message) {
        eventWriters.execute(() -> {
            if (type.equals("Normal")) {
                events.normal(pod.pod(), reason, message);
            } else {
                events.warning(pod.pod(), reason, message);
            }
        });
    }

    @Override
    public void close() {
        binders.shutdown();
        eventWriters.shutdown();
        background.shutdown();
    }
}
