package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kube4j.controllers.Expectations;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Pod events for controllers that create pods with generated names: each event wakes the owning
 * object's key, and settles that key's {@link Expectations} (a seen creation, or a deletion seen
 * when the pod starts terminating or is gone).
 */
public final class ExpectingPodHandler implements ResourceEventHandler<Pod> {
    private final Expectations expectations;
    private final Function<Pod, List<String>> ownerKeys;
    private final Consumer<String> enqueue;

    public ExpectingPodHandler(Expectations expectations, Function<Pod, List<String>> ownerKeys, Consumer<String> enqueue) {
        this.expectations = expectations;
        this.ownerKeys = ownerKeys;
        this.enqueue = enqueue;
    }

    @Override
    public void onAdd(Pod pod) {
        ownerKeys.apply(pod).forEach(key -> {
            expectations.observedAdd(key);
            enqueue.accept(key);
        });
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
        boolean startedDeleting = oldPod.getMetadata().getDeletionTimestamp() == null
                && newPod.getMetadata().getDeletionTimestamp() != null;
        ownerKeys.apply(newPod).forEach(key -> {
            if (startedDeleting) {
                expectations.observedDelete(key);
            }
            enqueue.accept(key);
        });
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        ownerKeys.apply(pod).forEach(key -> {
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                expectations.observedDelete(key);
            }
            enqueue.accept(key);
        });
    }
}
