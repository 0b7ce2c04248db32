package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.Expectations;
import io.kube4j.controllers.Owners;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the EndpointSlices ({@code <service>-<random>}, labelled with the service name and this
 * controller as manager, owned by the service) of every service with a selector in line with its
 * pods. Existing slices with the same ports are updated in place, missing ones created, surplus ones
 * deleted; creations and deletions not yet seen in the cache hold off the next sync.
 */
public final class EndpointSliceController extends Controller {
    public static final String NAME = "endpointslice-controller";
    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "endpointslice-controller.k8s.io";
    private static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private final ControllerContext context;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<EndpointSlice> slices;
    private final Expectations expectations = new Expectations();

    public EndpointSliceController(ControllerContext context) {
        super(NAME, 2);
        this.context = context;
        this.services = context.informer(Service.class);
        this.pods = context.informer(Pod.class);
        this.nodes = context.informer(Node.class);
        this.slices = context.informer(EndpointSlice.class);
        services.addEventHandler(enqueueing(service -> List.of(keyOf(service))));
        pods.addEventHandler(enqueueing(pod -> ServiceLookup.keysSelecting(services, pod)));
        slices.addEventHandler(new SliceHandler());
    }

    @Override
    protected void sync(String key) {
        if (!expectations.satisfied(key)) {
            return;
        }
        Service service = services.getStore().getByKey(key);
        if (service == null || !PodEndpoints.isManaged(service)) {
            // Slices of a deleted service go with it through their owner reference.
            return;
        }
        String ns = service.getMetadata().getNamespace();
        List<EndpointSlices.Desired> desired = EndpointSlices.compute(service,
                pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns), this::zoneOf, EndpointSlices.MAX_ENDPOINTS_PER_SLICE);
        if (desired.isEmpty()) {
            // As upstream: a service without endpoints still has one (empty) placeholder slice.
            desired = List.of(new EndpointSlices.Desired(List.of(), List.of()));
        }
        Map<String, Deque<EndpointSlice>> existingByPorts = new HashMap<>();
        ownedSlices(service).forEach(slice ->
                existingByPorts.computeIfAbsent(json(slice.getPorts()), k -> new ArrayDeque<>()).add(slice));
        Map<String, String> labels = labelsFor(service);
        List<EndpointSlice> toCreate = new ArrayList<>();
        List<EndpointSlice> toUpdate = new ArrayList<>();
        for (EndpointSlices.Desired want : desired) {
            EndpointSlice reused = existingByPorts.getOrDefault(json(want.ports()), new ArrayDeque<>()).poll();
            if (reused == null) {
                toCreate.add(build(service, labels, want, null));
            } else if (!json(reused.getEndpoints()).equals(json(want.endpoints())) || !labels.equals(reused.getMetadata().getLabels())) {
                toUpdate.add(build(service, labels, want, reused));
            }
        }
        List<EndpointSlice> toDelete = existingByPorts.values().stream().flatMap(Deque::stream).toList();
        if (!toCreate.isEmpty() || !toUpdate.isEmpty() || !toDelete.isEmpty()) {
            apply(service, key, toCreate, toUpdate, toDelete);
        }
    }

    private void apply(Service service, String key, List<EndpointSlice> toCreate, List<EndpointSlice> toUpdate,
                       List<EndpointSlice> toDelete) {
        var api = context.client().discovery().v1().endpointSlices().inNamespace(service.getMetadata().getNamespace());
        expectations.expect(key, toCreate.size(), toDelete.size());
        try {
            for (EndpointSlice slice : toUpdate) {
                api.resource(slice).update();
            }
            for (EndpointSlice slice : toCreate) {
                createObserving(key, () -> api.resource(slice).create());
            }
            for (EndpointSlice slice : toDelete) {
                api.withName(slice.getMetadata().getName()).delete();
            }
        } catch (KubernetesClientException e) {
            expectations.forget(key);
            context.events().warning(service, "FailedToUpdateEndpointSlices",
                    "Error updating Endpoint Slices for Service " + key + ": " + e.getMessage());
            throw e;
        }
    }

    private void createObserving(String key, Runnable create) {
        try {
            create.run();
        } catch (KubernetesClientException e) {
            expectations.observedAdd(key);
            throw e;
        }
    }

    private List<EndpointSlice> ownedSlices(Service service) {
        return slices.getIndexer().byIndex(Cache.NAMESPACE_INDEX, service.getMetadata().getNamespace()).stream()
                .filter(slice -> isManaged(slice)
                        && service.getMetadata().getName().equals(slice.getMetadata().getLabels().get(SERVICE_NAME_LABEL)))
                .sorted(Comparator.comparing((EndpointSlice s) -> s.getMetadata().getName()))
                .toList();
    }

    private EndpointSlice build(Service service, Map<String, String> labels, EndpointSlices.Desired want, EndpointSlice base) {
        EndpointSliceBuilder builder = base == null
                ? new EndpointSliceBuilder().withNewMetadata()
                        .withGenerateName(service.getMetadata().getName() + "-")
                        .withNamespace(service.getMetadata().getNamespace())
                        .withOwnerReferences(Owners.controllerRef(service))
                        .endMetadata()
                : new EndpointSliceBuilder(base);
        return builder.editMetadata().withLabels(labels).endMetadata()
                .withAddressType("IPv4").withEndpoints(want.endpoints()).withPorts(want.ports()).build();
    }

    /** The service's labels (as on its Endpoints) plus the service name and manager labels. */
    static Map<String, String> labelsFor(Service service) {
        Map<String, String> labels = EndpointsController.labelsFor(service);
        labels.put(SERVICE_NAME_LABEL, service.getMetadata().getName());
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        return labels;
    }

    private String zoneOf(String nodeName) {
        Node node = nodes.getStore().getByKey(nodeName);
        return node == null || node.getMetadata().getLabels() == null ? null : node.getMetadata().getLabels().get(ZONE_LABEL);
    }

    private String json(Object value) {
        return context.client().getKubernetesSerialization().asJson(value == null ? List.of() : value);
    }

    private static boolean isManaged(EndpointSlice slice) {
        Map<String, String> labels = slice.getMetadata().getLabels();
        return labels != null && MANAGED_BY.equals(labels.get(MANAGED_BY_LABEL)) && labels.containsKey(SERVICE_NAME_LABEL);
    }

    private static String serviceKeyOf(EndpointSlice slice) {
        return slice.getMetadata().getNamespace() + "/" + slice.getMetadata().getLabels().get(SERVICE_NAME_LABEL);
    }

    /** Counts our creations and deletions arriving in the cache, and re-syncs services whose slices someone changed. */
    private final class SliceHandler implements ResourceEventHandler<EndpointSlice> {
        @Override
        public void onAdd(EndpointSlice slice) {
            if (isManaged(slice)) {
                expectations.observedAdd(serviceKeyOf(slice));
                enqueue(serviceKeyOf(slice));
            }
        }

        @Override
        public void onUpdate(EndpointSlice oldSlice, EndpointSlice newSlice) {
            if (isManaged(newSlice)) {
                enqueue(serviceKeyOf(newSlice));
            }
        }

        @Override
        public void onDelete(EndpointSlice slice, boolean deletedFinalStateUnknown) {
            if (isManaged(slice)) {
                expectations.observedDelete(serviceKeyOf(slice));
                enqueue(serviceKeyOf(slice));
            }
        }
    }
}
