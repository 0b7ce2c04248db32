package io.kube4j.apiserver.system;

import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.DeleteOptions;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.Registries;
import io.kube4j.apiserver.registry.UpdateTarget;
import io.kube4j.apiserver.registry.WriteOptions;
import io.kube4j.apiserver.watch.CacheEvent;
import io.kube4j.apiserver.watch.WatchCache;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the deletion of Terminating namespaces, as upstream's namespace controller does: deletes
 * everything in the namespace, then drops the {@code kubernetes} finalizer so the namespace goes.
 * Starts after a grace period and retries every second while content remains (e.g. pods still
 * terminating).
 */
public final class NamespaceFinalizer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NamespaceFinalizer.class);
    private static final long RETRY_MS = 1000;
    /**
     * Upstream's namespaceDeletionGracePeriod: content removal starts this long after the namespace
     * is marked, so that objects deleted by the same request (kubectl delete -f ns+pod) still exist.
     */
    private static final long GRACE_MS = 5000;

    private final Registries registries;
    private final GenericRegistry namespaces;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("namespace-finalizer").factory());
    private WatchCache.Subscription subscription;

    public NamespaceFinalizer(Registries registries) {
        this.registries = registries;
        this.namespaces = registries.find("", "v1", "namespaces");
    }

    public void start() {
        subscription = namespaces.watch(null, ListOptions.ALL, -1, event -> {
            if (event.type() != CacheEvent.Type.DELETED && Meta.isDeleting(event.object())) {
                String name = Meta.name(event.object());
                executor.schedule(() -> finalizeNamespace(name), GRACE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void finalizeNamespace(String name) {
        try {
            if (!removeContent(name)) {
                executor.schedule(() -> finalizeNamespace(name), RETRY_MS, TimeUnit.MILLISECONDS);
                return;
            }
            namespaces.guaranteedUpdate(null, name, ns -> {
                ns.withObjectProperty("spec").remove("finalizers");
                return ns;
            }, WriteOptions.DEFAULT, false, UpdateTarget.SUBRESOURCE);
            namespaces.delete(null, name, DeleteOptions.DEFAULT);
        } catch (ApiException e) {
            if (e.code() != 404) {
                LOG.warn("finalizing namespace {} failed: {}", name, e.getMessage());
                executor.schedule(() -> finalizeNamespace(name), RETRY_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Deletes the namespace's content; true when nothing is left. */
    private boolean removeContent(String ns) {
        boolean empty = true;
        for (ResourceType type : registries.types()) {
            GenericRegistry registry = registries.find(type.group(), type.version(), type.plural());
            if (!type.namespaced() || registry == null || !type.verbs().contains("delete")) {
                continue;
            }
            if (!registry.deleteCollection(ns, ListOptions.ALL, DeleteOptions.DEFAULT).isEmpty()) {
                empty = false;
            }
        }
        return empty;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        executor.shutdownNow();
    }
}
