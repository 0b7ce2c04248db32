package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.selector.FieldSelector;
import io.kube4j.apiserver.watch.CacheEvent;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.store.KeyValue;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Storage of one resource type: everything shared by all kinds (keys, CRUD, optimistic
 * concurrency, generateName, finalizers, graceful deletion, dry run, selectors, watch). What is
 * particular to a kind comes from its {@link Strategy}.
 */
public final class GenericRegistry {
    private static final int MAX_CONFLICT_RETRIES = 10;

    private final ResourceType type;
    private final ResourceType storage;
    private final Conversion conversion;
    private final Strategy strategy;
    private final KeyValueStore store;
    private final WatchCache cache;
    private final ObjectHooks hooks;
    private final Clock clock;
    private final Admission admission;

    public GenericRegistry(ResourceType type, Strategy strategy, KeyValueStore store, WatchCache cache, Clock clock,
                           Admission admission) {
        this(type, null, strategy, store, cache, clock, admission);
    }

    /** A registry serving {@code type} from objects stored as {@code conversion.storage()} (null: as itself). */
    public GenericRegistry(ResourceType type, Conversion conversion, Strategy strategy, KeyValueStore store,
                           WatchCache cache, Clock clock, Admission admission) {
        this.type = type;
        this.conversion = conversion;
        this.storage = conversion == null ? type : conversion.storage();
        this.strategy = strategy;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.hooks = new ObjectHooks(clock);
        this.admission = admission;
    }

    public ResourceType type() {
        return type;
    }

    public Strategy strategy() {
        return strategy;
    }

    public WatchCache cache() {
        return cache;
    }

    /** The current object; shared with the cache, so copy before changing it. */
    public ObjectNode get(String ns, String name) {
        cache.awaitConsistent();
        CachedObject o = cache.get(Keys.of(storage, ns, name));
        if (o == null) {
            throw ApiException.notFound(type, name);
        }
        return served(o.object());
    }

    public ListResult list(String ns, ListOptions options) {
        Function<JsonNode, Boolean> filter = filter(options);
        String prefix = Keys.prefix(storage, ns);
        long rev;
        Iterator<CachedObject> source;
        if (options.continueToken() != null) {
            ContinueToken token = ContinueToken.decode(options.continueToken());
            rev = token.revision();
            source = rev == cache.revision()
                    ? cache.list(prefix, token.lastKey()).iterator()
                    : new StorePager(store, prefix, token.lastKey(), rev);
        } else {
            if (!"0".equals(options.resourceVersion())) {
                cache.awaitConsistent();
            }
            rev = cache.revision();
            source = cache.list(prefix, null).iterator();
        }
        List<ObjectNode> items = new ArrayList<>();
        String lastKey = null;
        while (source.hasNext() && (options.limit() <= 0 || items.size() < options.limit())) {
            CachedObject o = source.next();
            lastKey = o.key();
            ObjectNode item = served(o.object());
            if (filter.apply(item)) {
                items.add(item);
            }
        }
        String next = source.hasNext() && options.limit() > 0 ? new ContinueToken(rev, lastKey).encode() : null;
        return new ListResult(items, rev, next);
    }

    public ObjectNode create(String ns, ObjectNode obj, WriteOptions options) {
        boolean generated = Meta.text(obj.path("metadata").get("name")) == null;
        for (int attempt = 0; ; attempt++) {
            ObjectNode candidate = stored(obj.deepCopy());
            hooks.beforeCreate(storage, strategy, ns, candidate);
            admission.admitCreate(storage, candidate);
            if (options.dryRun()) {
                return served(candidate);
            }
            try {
                KeyValue kv = store.create(Keys.of(storage, ns, Meta.name(candidate)), Json.bytes(candidate));
                Meta.of(candidate).put("resourceVersion", Long.toString(kv.modRevision()));
                return served(candidate);
            } catch (StoreException.KeyExists e) {
                if (!generated || attempt >= 3) {
                    throw ApiException.alreadyExists(type, Meta.name(candidate));
                }
            }
        }
    }

    /** PUT: replaces the object (optionally creating it when the strategy allows). */
    public ObjectNode update(String ns, String name, ObjectNode obj, WriteOptions options) {
        checkNameMatches(name, obj);
        return guaranteedUpdate(ns, name, old -> obj.deepCopy(), options, strategy.allowCreateOnUpdate(), UpdateTarget.MAIN);
    }

    /** PUT on the status subresource: only status changes are kept. */
    public ObjectNode updateStatus(String ns, String name, ObjectNode obj, WriteOptions options) {
        checkNameMatches(name, obj);
        return guaranteedUpdate(ns, name, old -> withStatusOf(old, obj), options, false, UpdateTarget.STATUS);
    }

    /**
     * Read-modify-write with retries on conflicts; {@code mutate} gets a private copy (null if
     * absent, when {@code allowCreate}). {@code target} selects the hooks the write goes through.
     */
    public ObjectNode guaranteedUpdate(String ns, String name, UnaryOperator<ObjectNode> mutate, WriteOptions options,
                                       boolean allowCreate, UpdateTarget target) {
        String key = Keys.of(storage, ns, name);
        for (int attempt = 0; ; attempt++) {
            cache.awaitConsistent();
            CachedObject current = cache.get(key);
            if (current == null) {
                if (!allowCreate) {
                    throw ApiException.notFound(type, name);
                }
                ObjectNode created = mutate.apply(null);
                try {
                    return create(ns, created, options);
                } catch (ApiException e) {
                    if (!"AlreadyExists".equals(e.reason()) || attempt >= MAX_CONFLICT_RETRIES) {
                        throw e;
                    }
                    continue;
                }
            }
            ObjectNode old = current.object();
            ObjectNode updated = stored(mutate.apply(served(old).deepCopy()));
            String requestedRv = Meta.resourceVersion(updated);
            String currentRv = Long.toString(current.modRevision());
            if (requestedRv != null && !requestedRv.equals(currentRv)) {
                throw ApiException.conflict(type, name,
                        "the object has been modified; please apply your changes to the latest version and try again");
            }
            hooks.beforeUpdate(storage, strategy, updated, old, target);
            admission.admitUpdate(storage, updated, old);
            Meta.of(updated).put("resourceVersion", currentRv);
            if (updated.equals(old)) {
                return served(old);
            }
            if (options.dryRun()) {
                return served(updated);
            }
            try {
                KeyValue kv = finalizationComplete(updated)
                        ? store.delete(key, current.modRevision())
                        : store.update(key, Json.bytes(withoutResourceVersion(updated)), current.modRevision());
                Meta.of(updated).put("resourceVersion", Long.toString(kv.modRevision()));
                return served(updated);
            } catch (StoreException.Conflict e) {
                // Retry against the new state: a resourceVersion the client asked for no longer matches
                // it and fails the precondition above, while a patch without one applies again.
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw ApiException.conflict(type, name,
                            "the object has been modified; please apply your changes to the latest version and try again");
                }
            } catch (StoreException.KeyNotFound e) {
                throw ApiException.notFound(type, name);
            }
        }
    }

    /**
     * DELETE: removes the object at once, or marks it (deletionTimestamp) when finalizers, a grace
     * period or the strategy hold it. Returns the object as deleted or marked.
     */
    public ObjectNode delete(String ns, String name, DeleteOptions options) {
        String key = Keys.of(storage, ns, name);
        for (int attempt = 0; ; attempt++) {
            cache.awaitConsistent();
            CachedObject current = cache.get(key);
            if (current == null) {
                throw ApiException.notFound(type, name);
            }
            ObjectNode obj = current.object().deepCopy();
            checkPreconditions(name, options, obj, current.modRevision());
            long grace = strategy.gracePeriodSeconds(obj, options.gracePeriodSeconds());
            boolean hold = strategy.holdForFinalization(obj);
            addPropagationFinalizer(obj, options.propagationPolicy());
            boolean finalizers = obj.path("metadata").path("finalizers").size() > 0;
            try {
                if (!hold && !finalizers && grace <= 0) {
                    if (!options.dryRun()) {
                        store.delete(key, current.modRevision());
                    }
                    return served(obj);
                }
                ObjectNode meta = Meta.of(obj);
                if (!meta.has("deletionTimestamp") || grace < meta.path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE)) {
                    meta.put("deletionTimestamp", Instant.now(clock).plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS).toString());
                    meta.put("deletionGracePeriodSeconds", grace);
                }
                if (options.dryRun() || obj.equals(current.object())) {
                    return served(obj);
                }
                KeyValue kv = store.update(key, Json.bytes(withoutResourceVersion(obj)), current.modRevision());
                meta.put("resourceVersion", Long.toString(kv.modRevision()));
                return served(obj);
            } catch (StoreException.Conflict e) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw ApiException.conflict(type, name, "the object has been modified; please try again");
                }
            } catch (StoreException.KeyNotFound e) {
                throw ApiException.notFound(type, name);
            }
        }
    }

    /**
     * Foreground and Orphan deletion are carried out by the garbage collector, which the object's
     * {@code foregroundDeletion} / {@code orphan} finalizer hands the object to (as upstream).
     */
    private static void addPropagationFinalizer(ObjectNode obj, String propagationPolicy) {
        String finalizer = "Foreground".equals(propagationPolicy) ? "foregroundDeletion"
                : "Orphan".equals(propagationPolicy) ? "orphan" : null;
        if (finalizer == null || Meta.isDeleting(obj)) {
            return;
        }
        JsonNode existing = obj.path("metadata").path("finalizers");
        for (JsonNode f : existing) {
            if (f.asText().equals(finalizer)) {
                return;
            }
        }
        Meta.of(obj).withArrayProperty("finalizers").add(finalizer);
    }

    /** DELETE on a collection: deletes every matching object, returning them. */
    public List<ObjectNode> deleteCollection(String ns, ListOptions listOptions, DeleteOptions options) {
        List<ObjectNode> deleted = new ArrayList<>();
        for (ObjectNode item : list(ns, new ListOptions(listOptions.labels(), listOptions.fields(), 0, null, "")).items()) {
            try {
                deleted.add(delete(Meta.namespace(item), Meta.name(item), options));
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        return deleted;
    }

    /**
     * Streams changes matching the options. An object that stops (starts) matching a selector is
     * reported as DELETED (ADDED), as upstream does.
     */
    public WatchCache.Subscription watch(String ns, ListOptions options, long afterRevision, Consumer<CacheEvent> sink) {
        Function<JsonNode, Boolean> filter = filter(options);
        return cache.subscribe(Keys.prefix(storage, ns), afterRevision, stored -> {
            CacheEvent event = conversion == null ? stored : new CacheEvent(stored.type(), stored.key(),
                    served(stored.object()), stored.previous() == null ? null : served(stored.previous()), stored.revision());
            boolean now = filter.apply(event.object());
            boolean before = event.previous() != null && filter.apply(event.previous());
            switch (event.type()) {
                case ADDED -> {
                    if (now) {
                        sink.accept(event);
                    }
                }
                case DELETED -> {
                    if (before || event.previous() == null && now) {
                        sink.accept(event);
                    }
                }
                case MODIFIED -> {
                    if (now && before) {
                        sink.accept(event);
                    } else if (now) {
                        sink.accept(new CacheEvent(CacheEvent.Type.ADDED, event.key(), event.object(), null, event.revision()));
                    } else if (before) {
                        sink.accept(new CacheEvent(CacheEvent.Type.DELETED, event.key(), event.object(), event.previous(),
                                event.revision()));
                    }
                }
            }
        });
    }

    private Function<JsonNode, Boolean> filter(ListOptions options) {
        FieldSelector fields = options.fields();
        if (fields != null) {
            for (FieldSelector.Requirement r : fields.requirements()) {
                if (!isSelectable(r.field())) {
                    throw ApiException.badRequest("field label not supported: " + r.field());
                }
            }
        }
        return obj -> (options.labels() == null || options.labels().matches(Meta.labels(obj)))
                && (fields == null || fields.matches(field -> selectableValue(obj, field)));
    }

    private boolean isSelectable(String field) {
        return field.equals("metadata.name") || field.equals("metadata.namespace") && type.namespaced()
                || strategy.selectableFields().containsKey(field);
    }

    private String selectableValue(JsonNode obj, String field) {
        return switch (field) {
            case "metadata.name" -> Meta.name(obj);
            case "metadata.namespace" -> Meta.namespace(obj);
            default -> {
                Function<JsonNode, String> getter = strategy.selectableFields().get(field);
                String value = getter == null ? null : getter.apply(obj);
                yield value == null ? "" : value;
            }
        };
    }

    private void checkNameMatches(String name, ObjectNode obj) {
        String bodyName = Meta.name(obj);
        if (bodyName != null && !bodyName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + name + ")");
        }
        Meta.of(obj).put("name", name);
    }

    private void checkPreconditions(String name, DeleteOptions options, ObjectNode obj, long modRevision) {
        String uid = Meta.uid(obj);
        if (options.preconditionUid() != null && !options.preconditionUid().equals(uid)) {
            throw ApiException.conflict(type, name, "Precondition failed: UID in precondition: "
                    + options.preconditionUid() + ", UID in object meta: " + uid);
        }
        String rv = Long.toString(modRevision);
        if (options.preconditionResourceVersion() != null && !options.preconditionResourceVersion().equals(rv)) {
            throw ApiException.conflict(type, name, "Precondition failed: ResourceVersion in precondition: "
                    + options.preconditionResourceVersion() + ", ResourceVersion in object meta: " + rv);
        }
    }

    /** A marked object whose last finalizer is gone and whose grace period is over is deleted. */
    private boolean finalizationComplete(ObjectNode obj) {
        JsonNode meta = obj.path("metadata");
        return meta.has("deletionTimestamp") && meta.path("finalizers").isEmpty()
                && meta.path("deletionGracePeriodSeconds").asLong(0) == 0 && !strategy.holdForFinalization(obj.deepCopy());
    }

    private ObjectNode served(ObjectNode stored) {
        return conversion == null ? stored : conversion.fromStorage(stored.deepCopy());
    }

    private ObjectNode stored(ObjectNode served) {
        return conversion == null || served == null ? served : conversion.toStorage(served);
    }

    private static ObjectNode withStatusOf(ObjectNode old, ObjectNode source) {
        JsonNode status = source.get("status");
        if (status == null) {
            old.remove("status");
        } else {
            old.set("status", status);
        }
        String rv = Meta.resourceVersion(source);
        if (rv != null) {
            Meta.of(old).put("resourceVersion", rv);
        } else {
            Meta.of(old).remove("resourceVersion");
        }
        return old;
    }

    private static ObjectNode withoutResourceVersion(ObjectNode obj) {
        ObjectNode copy = obj.deepCopy();
        Meta.of(copy).remove("resourceVersion");
        return copy;
    }
}
