package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects, as components do upstream, so {@code kubectl describe}
 * shows what happened (e.g. {@code Normal ScalingReplicaSet ...}) and {@code kubectl get events}
 * the component as SOURCE. Events go through an {@link EventCorrelator} first, as client-go's
 * recorder does: a repeat patches the earlier Event's {@code count}, {@code lastTimestamp} and
 * {@code message}; spam is dropped. Failures are logged, never thrown: an event is best effort.
 */
public final class EventRecorder implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final String component;
    private final Clock clock;
    private final EventCorrelator correlator;

    public EventRecorder(KubernetesClient client, String component, Clock clock) {
        this.client = client;
        this.component = component;
        this.clock = clock;
        this.correlator = new EventCorrelator(clock);
    }

    public EventRecorder(KubernetesClient client, String component) {
        this(client, component, Clock.systemUTC());
    }

    /** A recorder on the same client and clock reporting {@code component}, with its own correlation caches. */
    @Override
    public EventRecorder forComponent(String component) {
        return new EventRecorder(client, component, clock);
    }

    @Override
    public void record(HasMetadata about, String type, String reason, String message) {
        try {
            Event event = newEvent(about, type, reason, message);
            // One event at a time, as client-go's single sink goroutine: a repeat must find its original written.
            synchronized (this) {
                correlator.correlate(event).ifPresent(c -> write(c.event(), c.repeat()));
            }
        } catch (RuntimeException e) {
            LOG.debug("event {} about {} not recorded: {}", reason, about.getMetadata().getName(), e.toString());
        }
    }

    private Event newEvent(HasMetadata about, String type, String reason, String message) {
        String objectNamespace = about.getMetadata().getNamespace();
        String namespace = objectNamespace == null || objectNamespace.isEmpty() ? "default" : objectNamespace;
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return new EventBuilder()
                .withNewMetadata()
                .withName(EventCorrelator.newName(about.getMetadata().getName()))
                .withNamespace(namespace)
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion()).withKind(about.getKind())
                        .withName(about.getMetadata().getName()).withNamespace(objectNamespace)
                        .withUid(about.getMetadata().getUid())
                        .withResourceVersion(about.getMetadata().getResourceVersion()).build())
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
    }

    /** Patches a repeat onto the Event it repeats; creates the Event when new or when the original is gone. */
    private void write(Event event, boolean repeat) {
        var events = client.v1().events().inNamespace(event.getMetadata().getNamespace());
        if (repeat) {
            String patch = client.getKubernetesSerialization().asJson(Map.of(
                    "count", event.getCount(), "lastTimestamp", event.getLastTimestamp(), "message", event.getMessage()));
            try {
                events.withName(event.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                    throw e;
                }
            }
        }
        events.resource(event).create();
    }
}
