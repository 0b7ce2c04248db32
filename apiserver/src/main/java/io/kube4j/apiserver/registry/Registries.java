package io.kube4j.apiserver.registry;

import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.store.KeyValueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resources being served, each with its {@link GenericRegistry}: the built-in kinds at start,
 * custom resources as their definitions come and go. {@link #generation()} changes whenever the
 * set changes, so discovery and OpenAPI documents know when to rebuild.
 */
public final class Registries {
    private final KeyValueStore store;
    private final WatchCache cache;
    private final Clock clock;
    private final Admission admission;
    private final Map<String, GenericRegistry> byPath = new ConcurrentHashMap<>();
    private final List<ResourceType> ordered = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();

    public Registries(KeyValueStore store, WatchCache cache, Clock clock, Admission admission) {
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.admission = admission;
    }

    public GenericRegistry register(ResourceType type, Strategy strategy) {
        return register(type, null, strategy);
    }

    /** Registers {@code type}, stored as {@code conversion.storage()} when a conversion is given. */
    public synchronized GenericRegistry register(ResourceType type, Conversion conversion, Strategy strategy) {
        GenericRegistry registry = new GenericRegistry(type, conversion, strategy, store, cache, clock, admission);
        GenericRegistry previous = byPath.put(path(type.group(), type.version(), type.plural()), registry);
        if (previous != null) {
            ordered.remove(previous.type());
        }
        ordered.add(type);
        generation.incrementAndGet();
        return registry;
    }

    public synchronized void unregister(ResourceType type) {
        if (byPath.remove(path(type.group(), type.version(), type.plural())) != null) {
            ordered.remove(type);
            generation.incrementAndGet();
        }
    }

    /** The registry serving {@code plural} in the group version, or null. */
    public GenericRegistry find(String group, String version, String plural) {
        return byPath.get(path(group, version, plural));
    }

    /** The registry of a kind's preferred (first registered) version, or null. */
    public GenericRegistry forKind(String group, String kind) {
        for (ResourceType t : types()) {
            if (t.group().equals(group) && t.kind().equals(kind)) {
                return byPath.get(path(t.group(), t.version(), t.plural()));
            }
        }
        return null;
    }

    public synchronized List<ResourceType> types() {
        return List.copyOf(ordered);
    }

    public long generation() {
        return generation.get();
    }

    public WatchCache cache() {
        return cache;
    }

    private static String path(String group, String version, String plural) {
        return group + "/" + version + "/" + plural;
    }
}
