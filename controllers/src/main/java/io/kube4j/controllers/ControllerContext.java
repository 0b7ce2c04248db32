package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import java.time.Clock;

/**
 * What every controller is built from: the API client (its only way to the cluster), the shared
 * informer factory (one watch per resource type, however many controllers read it), where events
 * go and a clock.
 */
public record ControllerContext(KubernetesClient client, SharedInformerFactory informers, EventSink events,
                                Clock clock) {

    /** The one informer of {@code type} all controllers share (fabric8 would open a watch per call). */
    public <T extends HasMetadata> SharedIndexInformer<T> informer(Class<T> type) {
        return Informers.shared(informers, type);
    }

    /**
     * The same client, informers and clock, with events reported as coming from {@code component}
     * (upstream's source of that controller's events, e.g. {@code replicaset-controller}).
     */
    public ControllerContext forComponent(String component) {
        return new ControllerContext(client, informers, events.forComponent(component), clock);
    }

    public static ControllerContext of(KubernetesClient client, String component) {
        Clock clock = Clock.systemUTC();
        return new ControllerContext(client, client.informers(), new EventRecorder(client, component, clock), clock);
    }
}
