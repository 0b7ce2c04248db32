package io.kube4j.controllers.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.ObjectWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Records the writes a controller makes, as readable lines ("create Pod web-1", "delete Pod x
 * Background", ...), and mirrors them into the informer caches it was given, as the watch would.
 */
public final class FakeWriter implements ObjectWriter {
    private static final KubernetesSerialization COPIER = new KubernetesSerialization();

    private final List<String> actions = new ArrayList<>();
    private final List<HasMetadata> written = new ArrayList<>();
    private final Map<Class<?>, CacheImpl<HasMetadata>> mirrors = new HashMap<>();
    private final Map<Class<?>, ResourceEventHandler<HasMetadata>> watchers = new HashMap<>();
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger(1000);
    private KubernetesClientException createFailure;
    private boolean statusConflictPending;

    /** Writes of {@code type} are applied to the cache of {@code informer} too, as its watch would. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> FakeWriter mirror(Class<T> type, SharedIndexInformer<T> informer) {
        mirrors.put(type, (CacheImpl<HasMetadata>) (CacheImpl<?>) TestInformers.cache(informer));
        return this;
    }

    /**
     * Writes of {@code type} mirrored into a cache are also delivered to {@code handler} as they are
     * made, as a watch that keeps up would deliver them (even while the writing sync still runs).
     */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> FakeWriter deliverTo(Class<T> type, ResourceEventHandler<T> handler) {
        watchers.put(type, (ResourceEventHandler<HasMetadata>) (ResourceEventHandler<?>) handler);
        return this;
    }

    public void failCreatesWith(KubernetesClientException e) {
        createFailure = e;
    }

    /** The next status write fails with 409, as when the cached object is behind the server's. */
    public synchronized void conflictOnNextStatusWrite() {
        statusConflictPending = true;
    }

    public synchronized List<String> actions() {
        return List.copyOf(actions);
    }

    public synchronized List<String> actions(String prefix) {
        return actions.stream().filter(a -> a.startsWith(prefix)).toList();
    }

    /** The objects written (created, updated, status-updated), in order. */
    public synchronized <T extends HasMetadata> List<T> written(Class<T> type) {
        return written.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized void clear() {
        actions.clear();
        written.clear();
    }

    @Override
    public synchronized <T extends HasMetadata> T create(T obj) {
        if (createFailure != null) {
            throw createFailure;
        }
        T copy = COPIER.clone(obj);
        if (copy.getMetadata().getName() == null) {
            copy.getMetadata().setName(copy.getMetadata().getGenerateName() + "x" + names.incrementAndGet());
        }
        copy.getMetadata().setUid(UUID.randomUUID().toString());
        copy.getMetadata().setCreationTimestamp("2030-01-01T00:00:" + String.format("%02d", names.get() % 60) + "Z");
        copy.getMetadata().setGeneration(1L);
        record("create " + copy.getKind() + " " + copy.getMetadata().getName(), copy);
        mirror(copy, false);
        return copy;
    }

    @Override
    public synchronized <T extends HasMetadata> T update(T obj) {
        T copy = COPIER.clone(obj);
        record("update " + copy.getKind() + " " + copy.getMetadata().getName(), copy);
        mirror(copy, false);
        return copy;
    }

    @Override
    public synchronized <T extends HasMetadata> T updateStatus(T obj) {
        if (statusConflictPending) {
            statusConflictPending = false;
            throw new KubernetesClientException("the object has been modified; please apply your changes to the latest version",
                    409, null);
        }
        T copy = COPIER.clone(obj);
        record("status " + copy.getKind() + " " + copy.getMetadata().getName(), copy);
        mirror(copy, false);
        return copy;
    }

    @Override
    public synchronized void delete(HasMetadata obj, String propagationPolicy) {
        record("delete " + obj.getKind() + " " + obj.getMetadata().getName() + " " + propagationPolicy, null);
        mirror(obj, true);
    }

    @Override
    public synchronized void writeOwners(HasMetadata obj, List<OwnerReference> owners) {
        String uids = owners.stream().map(r -> r.getKind() + ":" + r.getName()).collect(Collectors.joining(","));
        record("owners " + obj.getKind() + " " + obj.getMetadata().getName() + " [" + uids + "]", null);
        HasMetadata copy = COPIER.clone(obj);
        copy.getMetadata().setOwnerReferences(new ArrayList<>(owners));
        mirror(copy, false);
    }

    @Override
    public synchronized void removeFinalizer(HasMetadata obj, String finalizer) {
        record("finalizer- " + obj.getKind() + " " + obj.getMetadata().getName() + " " + finalizer, null);
        HasMetadata copy = COPIER.clone(obj);
        copy.getMetadata().getFinalizers().remove(finalizer);
        mirror(copy, copy.getMetadata().getFinalizers().isEmpty() && copy.getMetadata().getDeletionTimestamp() != null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T extends HasMetadata> T fresh(T obj) {
        CacheImpl<HasMetadata> cache = mirrors.get(obj.getClass());
        return cache == null ? obj : (T) cache.getByKey(key(obj));
    }

    private void record(String action, HasMetadata obj) {
        actions.add(action);
        if (obj != null) {
            written.add(obj);
        }
    }

    /** Gives a written object a new resourceVersion, as the server does, and applies the write to its mirror cache. */
    private void mirror(HasMetadata obj, boolean deleted) {
        if (!deleted) {
            obj.getMetadata().setResourceVersion(Integer.toString(versions.incrementAndGet()));
        }
        CacheImpl<HasMetadata> cache = mirrors.get(obj.getClass());
        if (cache == null) {
            return;
        }
        HasMetadata old = cache.getByKey(key(obj));
        if (deleted) {
            cache.remove(obj);
        } else {
            cache.put(obj);
        }
        ResourceEventHandler<HasMetadata> watcher = watchers.get(obj.getClass());
        if (watcher == null) {
            return;
        }
        if (deleted) {
            watcher.onDelete(obj, false);
        } else if (old == null) {
            watcher.onAdd(obj);
        } else {
            watcher.onUpdate(old, obj);
        }
    }

    private static String key(HasMetadata obj) {
        String ns = obj.getMetadata().getNamespace();
        return ns == null ? obj.getMetadata().getName() : ns + "/" + obj.getMetadata().getName();
    }
}
