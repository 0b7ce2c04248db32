package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;

/**
 * One informer per type across controllers. fabric8's {@code sharedIndexInformerFor} opens a new
 * watch on every call, so the existing informer of the factory is looked up first.
 */
public final class SharedInformers {
    private SharedInformers() {
    }

    public static <T extends HasMetadata> SharedIndexInformer<T> of(SharedInformerFactory factory, Class<T> type) {
        synchronized (factory) {
            SharedIndexInformer<T> existing = factory.getExistingSharedIndexInformer(type);
            return existing != null ? existing : factory.sharedIndexInformerFor(type, 0);
        }
    }

    /** The cached objects of {@code namespace}. */
    public static <T extends HasMetadata> List<T> inNamespace(SharedIndexInformer<T> informer, String namespace) {
        return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    /** The cached object named by a {@code namespace/name} (or {@code name}) key, or null. */
    public static <T extends HasMetadata> T get(SharedIndexInformer<T> informer, String key) {
        return informer.getIndexer().getByKey(key);
    }
}
