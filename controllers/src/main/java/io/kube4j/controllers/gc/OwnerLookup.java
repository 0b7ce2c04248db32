package io.kube4j.controllers.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Reads an owner from the API (not a cache), by apiVersion, kind, namespace and name; null when absent. */
@FunctionalInterface
public interface OwnerLookup {
    HasMetadata find(String apiVersion, String kind, String namespace, String name);

    /**
     * Through the API's discovery, so any kind is found; the namespace is ignored for
     * cluster-scoped kinds.
     */
    static OwnerLookup of(KubernetesClient client) {
        return (apiVersion, kind, namespace, name) -> namespace == null
                ? client.genericKubernetesResources(apiVersion, kind).withName(name).get()
                : client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }
}
