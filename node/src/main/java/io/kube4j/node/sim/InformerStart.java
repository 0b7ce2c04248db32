package io.kube4j.node.sim;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts an informer and waits, with a deadline, until its cache is filled and its watch runs. */
final class InformerStart {

    private InformerStart() {
    }

    /** @throws IllegalStateException if the list or the watch did not start in time; the informer is then closed */
    static <T> void startAndSync(SharedIndexInformer<T> informer, Duration timeout, String what)
            throws InterruptedException {
        try {
            informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            informer.close();
            throw new IllegalStateException("the " + what + " informer did not start within " + timeout, e);
        } catch (ExecutionException e) {
            informer.close();
            throw new IllegalStateException("the " + what + " informer failed to start: " + e.getCause(), e.getCause());
        }
    }
}
