package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Access to the informer factory's one informer per type. fabric8's
 * {@code sharedIndexInformerFor} starts a new watch on every call, so controllers that read the
 * same type must look for the existing informer first.
 *
 * <p>Every shared informer is indexed by controller: the objects a given owner controls, and the
 * objects of a namespace that have no controller (the orphans an owner may adopt). Controllers
 * that claim objects read those two sets instead of scanning the namespace, which at tens of
 * thousands of pods would make every sync cost O(pods).
 */
public final class Informers {
    private static final String CONTROLLER_UID_INDEX = "kube4j.io/controller-uid";
    private static final String ORPHANS_INDEX = "kube4j.io/orphans-by-namespace";

    private Informers() {
    }

    /** The factory's informer of {@code type} (created if none), with the controller indexes. */
    public static <T extends HasMetadata> SharedIndexInformer<T> shared(SharedInformerFactory factory, Class<T> type) {
        synchronized (factory) {
            SharedIndexInformer<T> existing = factory.getExistingSharedIndexInformer(type);
            SharedIndexInformer<T> informer = existing != null ? existing : retrying(factory.sharedIndexInformerFor(type, 0));
            indexByController(informer);
            return informer;
        }
    }

    /**
     * Keeps listing and watching after any failure, also before the first list succeeded (fabric8
     * gives up then by default, leaving a controller blind when the server was briefly overloaded).
     * Only objects that cannot be decoded stop it: retrying would fail the same way.
     */
    public static <T> SharedIndexInformer<T> retrying(SharedIndexInformer<T> informer) {
        return informer.exceptionHandler((started, failure) -> !ExceptionHandler.isDeserializationException(failure));
    }

    /**
     * Adds the controller indexes unless the informer has them: every controller reading a type
     * comes through {@link #shared}. An index added to a running informer covers what its cache holds.
     */
    private static <T extends HasMetadata> void indexByController(SharedIndexInformer<T> informer) {
        if (informer.getIndexer().getIndexers().containsKey(CONTROLLER_UID_INDEX)) {
            return;
        }
        Function<T, List<String>> byControllerUid = obj -> {
            String uid = Owners.controllerUid(obj);
            return uid == null ? List.of() : List.of(uid);
        };
        Function<T, List<String>> orphansByNamespace = obj -> Owners.controllerOf(obj) != null ? List.of()
                : List.of(Objects.requireNonNullElse(obj.getMetadata().getNamespace(), ""));
        informer.addIndexers(Map.of(CONTROLLER_UID_INDEX, byControllerUid, ORPHANS_INDEX, orphansByNamespace));
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
        return informer.getIndexer().byIndex(CONTROLLER_UID_INDEX, ownerUid).stream()
                .filter(obj -> Objects.equals(namespace, obj.getMetadata().getNamespace()))
                .toList();
    }

    /** The cached objects of one namespace that have no controller reference. */
    public static <T extends HasMetadata> List<T> orphansIn(SharedIndexInformer<T> informer, String namespace) {
        return informer.getIndexer().byIndex(ORPHANS_INDEX, Objects.requireNonNullElse(namespace, ""));
    }

    /**
     * What a {@link ControllerRefClaimer} for {@code owner} needs to see: the objects it controls
     * and the orphans of its namespace. Objects controlled by others are left out, as a claim
     * never touches them.
     */
    public static <T extends HasMetadata> List<T> claimable(SharedIndexInformer<T> informer, HasMetadata owner) {
        String namespace = owner.getMetadata().getNamespace();
        List<T> candidates = new ArrayList<>(controlledBy(informer, namespace, owner.getMetadata().getUid()));
        candidates.addAll(orphansIn(informer, namespace));
        return candidates;
    }
}
