package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;

/**
 * Access to the informer factory's one informer per type. fabric8's
 * {@code sharedIndexInformerFor} starts a new watch on every call, so controllers that read the
 * same type must look for the existing informer first.
 */
public final class Informers {
    private Informers() {
    }

    public static <T extends HasMetadata> SharedIndexInformer<T> shared(SharedInformerFactory factory, Class<T> type) {
        synchronized (factory) {
            SharedIndexInformer<T> existing = factory.getExistingSharedIndexInformer(type);
            return existing != null ? existing : factory.sharedIndexInformerFor(type, 0);
        }
    }

    /** The cached objects of one namespace. */
    public static <T extends HasMetadata> List<T> inNamespace(SharedIndexInformer<T> informer, String namespace) {
        return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    /** The cached object named by a {@code namespace/name} (or {@code name}) key, or null. */
    public static <T extends HasMetadata> T get(SharedIndexInformer<T> informer, String key) {
        return informer.getIndexer().getByKey(key);
    }

    /** The cached objects of one namespace controlled by the object with uid {@code ownerUid}. */
    public static <T extends HasMetadata> List<T> controlledBy(SharedIndexInformer<T> informer, String namespace,
                                                               String ownerUid) {
        return inNamespace(informer, namespace).stream()
                .filter(obj -> ownerUid.equals(Owners.controllerUid(obj)))
                .toList();
    }
}
