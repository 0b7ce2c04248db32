package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllers.queue.RateLimitingQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shape of every control loop: informer handlers only compute a key and queue it; workers
 * take a key, call the level-triggered {@link #sync(String)} (which reads the informer caches, never
 * the event), forget the key on success or re-queue it rate-limited on failure. A key is never
 * synced by two workers at once.
 */
public abstract class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    private static final int MAX_RETRIES_LOGGED = 5;

    private final String name;
    private final int workers;
    protected final RateLimitingQueue<String> queue;
    private final List<Thread> threads = new ArrayList<>();

    protected Controller(String name, int workers, RateLimitingQueue<String> queue) {
        this.name = name;
        this.workers = workers;
        this.queue = queue;
    }

    protected Controller(String name, int workers) {
        this(name, workers, RateLimitingQueue.create());
    }

    /** Brings the object named by {@code key} ({@code namespace/name} or {@code name}) to its desired state. */
    protected abstract void sync(String key) throws Exception;

    public String name() {
        return name;
    }

    public void start() {
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name(name + "-worker-" + i).start(this::work));
        }
    }

    /** Processes one queued key, waiting up to {@code timeoutMs}; false if none came. Tests call it directly. */
    public boolean processNext(long timeoutMs) throws InterruptedException {
        String key = queue.take(timeoutMs);
        if (key == null) {
            return false;
        }
        try {
            sync(key);
            queue.forget(key);
        } catch (Exception e) {
            if (queue.retries(key) < MAX_RETRIES_LOGGED) {
                LOG.info("{}: sync of {} failed, retrying: {}", name, key, e.toString());
            }
            queue.addRateLimited(key);
        } finally {
            queue.done(key);
        }
        return true;
    }

    private void work() {
        while (!queue.isShuttingDown()) {
            try {
                processNext(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void enqueue(String key) {
        queue.add(key);
    }

    /** The key of an object: {@code namespace/name}, or {@code name} when cluster-scoped. */
    public static String keyOf(HasMetadata obj) {
        String ns = obj.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? obj.getMetadata().getName() : ns + "/" + obj.getMetadata().getName();
    }

    /** A handler that queues the keys {@code keys} maps each added, updated or deleted object to. */
    protected <T extends HasMetadata> ResourceEventHandler<T> enqueueing(Function<T, List<String>> keys) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                keys.apply(obj).forEach(queue::add);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                keys.apply(oldObj).forEach(queue::add);
                keys.apply(newObj).forEach(queue::add);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                keys.apply(obj).forEach(queue::add);
            }
        };
    }

    @Override
    public void close() {
        queue.shutDown();
        threads.forEach(Thread::interrupt);
    }
}
