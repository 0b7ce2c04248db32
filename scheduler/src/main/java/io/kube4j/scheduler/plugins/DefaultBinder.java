package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.BindPlugin;
import io.kube4j.scheduler.framework.PodInfo;
import java.util.concurrent.CompletableFuture;

/** Binds through the API's pods/binding subresource (the write itself is supplied by the scheduler). */
public final class DefaultBinder implements BindPlugin {
    public static final String NAME = "DefaultBinder";

    /** Creates the Binding of a pod to a node; completes exceptionally when the server refused it. */
    @FunctionalInterface
    public interface BindingWriter {
        CompletableFuture<Void> bind(PodInfo pod, String nodeName);
    }

    private final BindingWriter writer;

    public DefaultBinder(BindingWriter writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<Void> bind(PodInfo pod, String nodeName) {
        return writer.bind(pod, nodeName);
    }
}
