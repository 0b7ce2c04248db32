package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;

/** An index of the pod informer by {@code spec.nodeName}, so a node's pods are found without a scan. */
final class PodsByNode {
    private static final String INDEX = "kube4j.io/pods-by-node";

    private PodsByNode() {
    }

    /** Adds the index once (informers are shared; an index is added before they start). */
    static synchronized void index(SharedIndexInformer<Pod> pods) {
        if (!pods.getIndexer().getIndexers().containsKey(INDEX)) {
            pods.addIndexers(Map.of(INDEX, pod -> pod.getSpec() == null || pod.getSpec().getNodeName() == null
                    ? List.of() : List.of(pod.getSpec().getNodeName())));
        }
    }

    static List<Pod> on(SharedIndexInformer<Pod> pods, String nodeName) {
        return pods.getIndexer().byIndex(INDEX, nodeName);
    }
}
