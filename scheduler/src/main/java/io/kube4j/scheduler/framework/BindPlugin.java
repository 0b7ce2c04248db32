package io.kube4j.scheduler.framework;

import java.util.concurrent.CompletableFuture;

/** Makes the placement durable (writes the pod's binding); completes exceptionally when it failed. */
public interface BindPlugin extends Plugin {
    CompletableFuture<Void> bind(PodInfo pod, String nodeName);
}
