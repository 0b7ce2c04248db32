package io.kube4j.controllers.gc;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.kube4j.controllers.ApiObjectWriter;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.LruCache;
import io.kube4j.controllers.ObjectWriter;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.queue.RateLimitingQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Deletes objects whose owners are gone, as upstream's garbage collector: an object is collected
 * once none of its ownerReferences names an existing owner (Background propagation). Owners being
 * deleted in the Foreground (finalizer {@code foregroundDeletion}) have their dependents deleted
 * first and lose the finalizer when no dependent with blockOwnerDeletion is left; owners deleted
 * with Orphan (finalizer {@code orphan}) first have the references to them removed from their
 * dependents. Keys are {@code apiVersion/Kind|namespace/name}.
 */
public final class GarbageCollector extends Controller {
    public static final String FOREGROUND_FINALIZER = "foregroundDeletion";
    public static final String ORPHAN_FINALIZER = "orphan";
    private static final String OWNER_INDEX = "gc-owner-uids";
    private static final int ABSENT_OWNERS_REMEMBERED = 1000;

    /** A watched resource: its informer, indexed by owner uid. */
    private record Watched(String kindKey, boolean namespaced, SharedIndexInformer<? extends HasMetadata> informer) {
    }

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final ObjectWriter writer;
    private final OwnerLookup lookup;
    /** uids of owners the API confirmed gone (shared by the workers); uids are never reused, so this never goes stale. */
    private final Set<String> absentOwners =
            Collections.synchronizedSet(Collections.newSetFromMap(new LruCache<>(ABSENT_OWNERS_REMEMBERED)));

    /** Watches {@code types} through the informers of {@code informers} (see {@link GcResources#DEFAULT}). */
    public GarbageCollector(SharedInformerFactory informers, List<Class<? extends HasMetadata>> types, ObjectWriter writer,
                            OwnerLookup lookup, RateLimitingQueue<String> queue) {
        super("garbage-collector", 5, queue);
        this.writer = writer;
        this.lookup = lookup;
        types.forEach(type -> watch(type, Informers.shared(informers, type)));
    }

    public static GarbageCollector create(ControllerContext context, List<Class<? extends HasMetadata>> types) {
        return new GarbageCollector(context.informers(), types, new ApiObjectWriter(context.client()),
                OwnerLookup.of(context.client()), RateLimitingQueue.create());
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> void watch(Class<? extends HasMetadata> type, SharedIndexInformer<? extends HasMetadata> shared) {
        SharedIndexInformer<T> informer = (SharedIndexInformer<T>) shared;
        String kindKey = HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type);
        watched.put(kindKey, new Watched(kindKey, Namespaced.class.isAssignableFrom(type), informer));
        informer.addIndexers(Map.of(OWNER_INDEX, obj -> Owners.of(obj).stream().map(OwnerReference::getUid).toList()));
        informer.addEventHandler(new Handler<>(kindKey));
    }

    @Override
    protected void sync(String key) {
        int bar = key.indexOf('|');
        Watched w = watched.get(key.substring(0, bar));
        HasMetadata obj = w == null ? null : w.informer().getIndexer().getByKey(key.substring(bar + 1));
        if (obj == null) {
            return;
        }
        if (obj.getMetadata().getDeletionTimestamp() == null) {
            collectIfOrphaned(obj);
        } else if (hasFinalizer(obj, ORPHAN_FINALIZER)) {
            orphanDependents(obj);
        } else if (hasFinalizer(obj, FOREGROUND_FINALIZER)) {
            deleteDependentsFirst(obj);
        }
    }

    /** Upstream's attemptToDeleteItem: delete an object none of whose owners still exists. */
    private void collectIfOrphaned(HasMetadata obj) {
        List<OwnerReference> refs = Owners.of(obj);
        if (refs.isEmpty()) {
            return;
        }
        List<OwnerReference> solid = new ArrayList<>();
        List<OwnerReference> gone = new ArrayList<>();
        List<OwnerReference> waiting = new ArrayList<>();
        for (OwnerReference ref : refs) {
            HasMetadata owner = findOwner(obj, ref);
            if (owner == null) {
                gone.add(ref);
            } else if (owner.getMetadata().getDeletionTimestamp() != null && hasFinalizer(owner, FOREGROUND_FINALIZER)) {
                waiting.add(ref);
            } else {
                solid.add(ref);
            }
        }
        if (!solid.isEmpty()) {
            if (!gone.isEmpty() || !waiting.isEmpty()) {
                // Kept by a live owner: only drop the references that would block or mislead (as upstream).
                Set<String> drop = new HashSet<>();
                gone.forEach(r -> drop.add(r.getUid()));
                waiting.forEach(r -> drop.add(r.getUid()));
                writer.writeOwners(obj, refs.stream().filter(r -> !drop.contains(r.getUid())).toList());
            }
            return;
        }
        if (!waiting.isEmpty() && !dependentsOf(obj.getMetadata().getUid()).isEmpty()) {
            // An owner waits for this object, which has dependents of its own: delete them first, too.
            writer.delete(obj, "Foreground");
            return;
        }
        writer.delete(obj, hasFinalizer(obj, ORPHAN_FINALIZER) ? "Orphan"
                : hasFinalizer(obj, FOREGROUND_FINALIZER) ? "Foreground" : "Background");
    }

    /** Foreground deletion: dependents go first; the finalizer goes when none blocks any more. */
    private void deleteDependentsFirst(HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        List<HasMetadata> dependents = dependentsOf(uid);
        boolean blocked = dependents.stream().anyMatch(dep -> Owners.of(dep).stream()
                .anyMatch(ref -> uid.equals(ref.getUid()) && Boolean.TRUE.equals(ref.getBlockOwnerDeletion())));
        if (!blocked) {
            writer.removeFinalizer(owner, FOREGROUND_FINALIZER);
            return;
        }
        dependents.stream().filter(dep -> dep.getMetadata().getDeletionTimestamp() == null).forEach(this::enqueue);
    }

    /** Orphan deletion: dependents lose their references to the owner, then the owner loses the finalizer. */
    private void orphanDependents(HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        for (HasMetadata dep : dependentsOf(uid)) {
            writer.writeOwners(dep, Owners.removing(dep, uid));
        }
        writer.removeFinalizer(owner, ORPHAN_FINALIZER);
    }

    /** The owner a reference names if it exists with that uid: from the caches, else confirmed by the API. */
    private HasMetadata findOwner(HasMetadata dependent, OwnerReference ref) {
        if (absentOwners.contains(ref.getUid())) {
            return null;
        }
        String namespace = dependent.getMetadata().getNamespace();
        Watched w = watched.get(ref.getApiVersion() + "/" + ref.getKind());
        if (w != null) {
            HasMetadata cached = w.informer().getIndexer().getByKey(w.namespaced() ? namespace + "/" + ref.getName() : ref.getName());
            if (cached != null && Objects.equals(cached.getMetadata().getUid(), ref.getUid())) {
                return cached;
            }
            if (!w.namespaced()) {
                namespace = null;
            }
        }
        HasMetadata live = lookup.find(ref.getApiVersion(), ref.getKind(), namespace, ref.getName());
        if (live != null && Objects.equals(live.getMetadata().getUid(), ref.getUid())) {
            return live;
        }
        absentOwners.add(ref.getUid());
        return null;
    }

    private List<HasMetadata> dependentsOf(String ownerUid) {
        List<HasMetadata> dependents = new ArrayList<>();
        for (Watched w : watched.values()) {
            dependents.addAll(w.informer().getIndexer().byIndex(OWNER_INDEX, ownerUid));
        }
        return dependents;
    }

    private void enqueue(HasMetadata obj) {
        enqueue(HasMetadata.getApiVersion(obj.getClass()) + "/" + HasMetadata.getKind(obj.getClass()) + "|" + keyOf(obj));
    }

    private static boolean hasFinalizer(HasMetadata obj, String finalizer) {
        List<String> finalizers = obj.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(finalizer);
    }

    /**
     * Queues an object when its owners or its deletion state change; when it is deleted, queues
     * its dependents (their owner is gone) and its owners (one may be waiting for it).
     */
    private final class Handler<T extends HasMetadata> implements ResourceEventHandler<T> {
        private final String kindKey;

        Handler(String kindKey) {
            this.kindKey = kindKey;
        }

        @Override
        public void onAdd(T obj) {
            if (!Owners.of(obj).isEmpty() || obj.getMetadata().getDeletionTimestamp() != null) {
                enqueue(kindKey + "|" + keyOf(obj));
            }
        }

        @Override
        public void onUpdate(T old, T cur) {
            if (!Objects.equals(old.getMetadata().getOwnerReferences(), cur.getMetadata().getOwnerReferences())
                    || !Objects.equals(old.getMetadata().getDeletionTimestamp(), cur.getMetadata().getDeletionTimestamp())
                    || !Objects.equals(old.getMetadata().getFinalizers(), cur.getMetadata().getFinalizers())) {
                enqueue(kindKey + "|" + keyOf(cur));
            }
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            dependentsOf(obj.getMetadata().getUid()).forEach(GarbageCollector.this::enqueue);
            for (OwnerReference ref : Owners.of(obj)) {
                Watched w = watched.get(ref.getApiVersion() + "/" + ref.getKind());
                if (w != null) {
                    enqueue(w.kindKey() + "|" + (w.namespaced() ? obj.getMetadata().getNamespace() + "/" : "") + ref.getName());
                }
            }
        }
    }
}
