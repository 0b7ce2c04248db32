package io.kube4j.controllers.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kube4j.controllers.queue.RateLimiter;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.queue.Ticker;
import io.kube4j.controllers.Informers;

/**
 * Informers that are never started: tests seed their caches directly and call {@code sync(key)}.
 * The client behind them points nowhere and is never used for requests.
 */
public final class TestInformers implements AutoCloseable {
    private final KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    private final SharedInformerFactory factory = client.informers();

    public SharedInformerFactory factory() {
        return factory;
    }

    public <T extends HasMetadata> SharedIndexInformer<T> of(Class<T> type) {
        return Informers.shared(factory, type);
    }

    /** Seeds the cache of {@code obj}'s type (replacing an object of the same key). */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> T seed(T obj) {
        cache(of((Class<T>) obj.getClass())).put(obj);
        return obj;
    }

    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> void remove(T obj) {
        cache(of((Class<T>) obj.getClass())).remove(obj);
    }

    /** The informer's cache, writable (an implementation class: the public Indexer is read-only). */
    public static <T extends HasMetadata> CacheImpl<T> cache(SharedIndexInformer<T> informer) {
        return (CacheImpl<T>) informer.getIndexer();
    }

    public static RateLimitingQueue<String> queue() {
        return new RateLimitingQueue<>(Ticker.SYSTEM, RateLimiter.defaults(Ticker.SYSTEM), false);
    }

    @Override
    public void close() {
        client.close();
    }
}
