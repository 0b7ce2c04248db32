package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a v1 Endpoints object named after each service with a selector, listing the selected pods'
 * addresses (ready and not ready) and resolved ports. Services without a selector keep the endpoints
 * their users write; the {@code kubernetes} service's endpoints belong to the API server.
 */
public final class EndpointsController extends Controller {
    public static final String NAME = "endpoints-controller";

    private final ControllerContext context;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Endpoints> endpoints;

    public EndpointsController(ControllerContext context) {
        super(NAME, 2);
        this.context = context;
        this.services = context.informer(Service.class);
        this.pods = context.informer(Pod.class);
        this.endpoints = context.informer(Endpoints.class);
        services.addEventHandler(enqueueing(service -> List.of(keyOf(service))));
        pods.addEventHandler(enqueueing(pod -> ServiceLookup.keysSelecting(services, pod)));
        // Someone else changing or deleting managed endpoints: put them back.
        endpoints.addEventHandler(enqueueing(ep -> services.getStore().getByKey(keyOf(ep)) == null
                ? List.of() : List.of(keyOf(ep))));
    }

    @Override
    protected void sync(String key) {
        Service service = services.getStore().getByKey(key);
        Endpoints current = endpoints.getStore().getByKey(key);
        if (service == null) {
            deleteLeftover(current);
            return;
        }
        if (!PodEndpoints.isManaged(service)) {
            return;
        }
        String ns = service.getMetadata().getNamespace();
        List<EndpointSubset> subsets = EndpointSubsets.compute(service, pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns));
        Map<String, String> labels = labelsFor(service);
        if (current != null && sameJson(current.getSubsets(), subsets)
                && labels.equals(current.getMetadata().getLabels() == null ? Map.of() : current.getMetadata().getLabels())) {
            return;
        }
        Endpoints desired = current == null
                ? new EndpointsBuilder().withNewMetadata().withName(service.getMetadata().getName()).withNamespace(ns)
                        .withLabels(labels).endMetadata().withSubsets(subsets).build()
                : new EndpointsBuilder(current).editMetadata().withLabels(labels).endMetadata().withSubsets(subsets).build();
        try {
            if (current == null) {
                context.client().endpoints().inNamespace(ns).resource(desired).create();
            } else {
                context.client().endpoints().inNamespace(ns).resource(desired).update();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw e; // a cache behind our own last write: the retry reads it fresh
            }
            String reason = current == null ? "FailedToCreateEndpoint" : "FailedToUpdateEndpoint";
            String verb = current == null ? "create" : "update";
            context.events().warning(service, reason,
                    "Failed to " + verb + " endpoint for service " + key + ": " + e.getMessage());
            throw e;
        }
    }

    /** The service's labels, plus the headless marker upstream adds for clusterIP None. */
    static Map<String, String> labelsFor(Service service) {
        Map<String, String> labels = new HashMap<>();
        if (service.getMetadata().getLabels() != null) {
            labels.putAll(service.getMetadata().getLabels());
        }
        labels.remove(PodEndpoints.HEADLESS_LABEL);
        if (PodEndpoints.isHeadless(service)) {
            labels.put(PodEndpoints.HEADLESS_LABEL, "");
        }
        return labels;
    }

    private void deleteLeftover(Endpoints current) {
        if (current == null) {
            return;
        }
        context.client().endpoints().inNamespace(current.getMetadata().getNamespace())
                .withName(current.getMetadata().getName()).delete();
    }

    /** Compares as the API serializes (empty lists and nulls alike), so a round trip is no change. */
    private boolean sameJson(Object a, Object b) {
        var serialization = context.client().getKubernetesSerialization();
        return serialization.asJson(a == null ? List.of() : a).equals(serialization.asJson(b == null ? List.of() : b));
    }
}
