package io.kube4j.scheduler.framework;

import java.util.concurrent.CompletableFuture;

/**
 * Prepares the chosen node before the pod's binding is written (e.g. tells the volume provisioner
 * where the pod goes); runs off the scheduling thread. The binding waits for it and is not written
 * when it completes exceptionally.
 */
public interface PreBindPlugin extends Plugin {
    CompletableFuture<Void> preBind(PodInfo pod, String nodeName);
}
