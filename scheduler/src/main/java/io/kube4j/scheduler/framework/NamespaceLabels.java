package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels of every namespace, by name, fed by a namespace informer: what a pod affinity term's
 * namespaceSelector is matched against. A namespace not (yet) seen has no labels.
 */
public final class NamespaceLabels {
    private final Map<String, Map<String, String>> byName = new ConcurrentHashMap<>();

    public void put(Namespace namespace) {
        Map<String, String> labels = namespace.getMetadata().getLabels();
        byName.put(namespace.getMetadata().getName(), labels == null ? Map.of() : Map.copyOf(labels));
    }

    public void remove(Namespace namespace) {
        byName.remove(namespace.getMetadata().getName());
    }

    public Map<String, String> of(String namespace) {
        return byName.getOrDefault(namespace, Map.of());
    }
}
