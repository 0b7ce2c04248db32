package io.kube4j.controllers.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Reads an owner from the API (not a cache), by apiVersion, kind, namespace and name; null when absent. */
@FunctionalInterface
public interface OwnerLookup {
    HasMetadata find(String apiVersion, String kind, String namespace, String name);

    /**
     * Kinds the client knows are read through their typed API; others through discovery. The
     * namespace is null for cluster-scoped owners.
     */
    @SuppressWarnings("unchecked")
    static OwnerLookup of(KubernetesClient client) {
        return (apiVersion, kind, namespace, name) -> {
            Class<? extends KubernetesResource> type = client.getKubernetesSerialization()
                    .getRegisteredKubernetesResource(apiVersion, kind);
            if (type != null && HasMetadata.class.isAssignableFrom(type)) {
                var resources = client.resources((Class<HasMetadata>) type);
                return namespace == null ? resources.withName(name).get() : resources.inNamespace(namespace).withName(name).get();
            }
            var generic = client.genericKubernetesResources(apiVersion, kind);
            return namespace == null ? generic.withName(name).get() : generic.inNamespace(namespace).withName(name).get();
        };
    }
}
