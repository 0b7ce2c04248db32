package io.kube4j.bench.sched;

import io.kube4j.bench.ClientPool;
import io.kube4j.bench.ConcurrentLoad;
import io.kube4j.bench.Manifests;

/**
 * The API server's pod-binding write ceiling: pods nobody schedules (schedulerName bench-none) are
 * created, then bound through POST pods/NAME/binding as fast as the clients can, spread round-robin
 * over the simulated nodes (which then run them, as they run the scheduler's pods).
 */
final class BindingRun {
    static final String NAMESPACE = "bind-bench";
    private static final String POD_PREFIX = "bind";

    record Result(ConcurrentLoad.Result creates, ConcurrentLoad.Result bindings, PhaseCost createCost,
                  PhaseCost bindCost) {
    }

    private BindingRun() {
    }

    static Result measure(SimulatedCluster cluster, int pods, int clients) {
        String collection = "/api/v1/namespaces/" + NAMESPACE + "/pods";
        try (ClientPool pool = ClientPool.connect(cluster.server(), clients)) {
            pool.get(0).create("/api/v1/namespaces", Manifests.namespace(NAMESPACE));
            Progress.log("creating %,d unscheduled pods (schedulerName %s)", pods, SchedulingManifests.NO_SCHEDULER);
            PhaseCost.Meter createMeter = new PhaseCost.Meter(cluster);
            ConcurrentLoad.Result creates = ConcurrentLoad.run(pods, pool.size(), worker -> index ->
                    pool.get(worker).create(collection, SchedulingManifests.pod(NAMESPACE,
                            SchedulingManifests.podName(POD_PREFIX, index), SchedulingManifests.NO_SCHEDULER)));
            PhaseCost createCost = createMeter.stop("binding: create unscheduled pods");
            Progress.log("binding %,d pods from %d clients", pods, clients);
            PhaseCost.Meter bindMeter = new PhaseCost.Meter(cluster);
            ConcurrentLoad.Result bindings = ConcurrentLoad.run(pods, pool.size(), worker -> index -> {
                String pod = SchedulingManifests.podName(POD_PREFIX, index);
                pool.get(worker).create(collection + "/" + pod + "/binding",
                        SchedulingManifests.binding(pod, cluster.nodeName(index % cluster.nodes())));
            });
            return new Result(creates, bindings, createCost, bindMeter.stop("binding: POST pods/binding"));
        }
    }
}
