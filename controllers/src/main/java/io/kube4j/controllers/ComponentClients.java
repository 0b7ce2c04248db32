package io.kube4j.controllers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients for the cluster's own components (scheduler, controllers, node agents). Like upstream's
 * components, which trim managedFields from their informer caches, these never decode
 * {@code metadata.managedFields}: the field-ownership trees are a large share of every cached object
 * and no control loop reads them. Writes without managedFields keep the stored ones (the API server
 * records the component as a field manager itself).
 */
public final class ComponentClients {
    private ComponentClients() {
    }

    public static KubernetesClientBuilder builder(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(serialization());
    }

    static KubernetesSerialization serialization() {
        JsonMapper mapper = JsonMapper.builder().addMixIn(ObjectMeta.class, WithoutManagedFields.class).build();
        return new KubernetesSerialization(mapper, true);
    }

    @JsonIgnoreProperties("managedFields")
    private abstract static class WithoutManagedFields {
    }
}
