package io.kube4j.controllers.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerEventListener;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * A shared informer factory that really shares (fabric8's makes a new informer, and a new watch, on
 * every {@code sharedIndexInformerFor} call) and that can wait for the caches' first lists, as
 * client-go's WaitForCacheSync (fabric8's start future also waits for each watch's response to begin,
 * which the server holds back until it has an event to send).
 */
final class SyncingInformerFactory implements SharedInformerFactory {
    private final SharedInformerFactory delegate;
    private final Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();

    SyncingInformerFactory(SharedInformerFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T extends HasMetadata> SharedIndexInformer<T> sharedIndexInformerFor(Class<T> type, long resync) {
        return (SharedIndexInformer<T>) informers.computeIfAbsent(type, t -> delegate.sharedIndexInformerFor(type, resync));
    }

    /** Starts every informer and returns once each holds its first list. */
    synchronized void startAndAwaitSync(Duration timeout) throws InterruptedException {
        delegate.startAllRegisteredInformers();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SharedIndexInformer<?> informer : informers.values()) {
            while (!informer.hasSynced()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("informer caches did not sync within " + timeout);
                }
                Thread.sleep(10);
            }
        }
    }

    @Override
    public SharedInformerFactory inNamespace(String namespace) {
        throw new UnsupportedOperationException("informers of the controllers are cluster-wide");
    }

    @Override
    public SharedInformerFactory withName(String name) {
        throw new UnsupportedOperationException("informers of the controllers are cluster-wide");
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> SharedIndexInformer<T> getExistingSharedIndexInformer(Class<T> type) {
        return (SharedIndexInformer<T>) informers.get(type);
    }

    @Override
    public Future<Void> startAllRegisteredInformers() {
        return delegate.startAllRegisteredInformers();
    }

    @Override
    public void stopAllRegisteredInformers() {
        delegate.stopAllRegisteredInformers();
    }

    @Override
    public void addSharedInformerEventListener(SharedInformerEventListener listener) {
        delegate.addSharedInformerEventListener(listener);
    }
}
