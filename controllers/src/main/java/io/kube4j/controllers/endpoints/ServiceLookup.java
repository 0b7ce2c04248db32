package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import java.util.List;

/** Finds the services a pod is an endpoint of, from the service informer's namespace index. */
final class ServiceLookup {
    private ServiceLookup() {
    }

    static List<String> keysSelecting(SharedIndexInformer<Service> services, Pod pod) {
        return services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pod.getMetadata().getNamespace()).stream()
                .filter(service -> PodEndpoints.selects(service, pod))
                .map(Controller::keyOf).toList();
    }
}
