package io.kube4j.bench.sched;

import io.kube4j.bench.ApiClient;
import io.kube4j.bench.ClientPool;
import io.kube4j.bench.ConcurrentLoad;
import io.kube4j.bench.Manifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Churn: Deployments created (until all replicas are available), rolled to a new image (until
 * every rollout is complete) and deleted in the background (until their last pod is gone), each
 * phase timed from its first request; a pod watch counts the pods created and left.
 */
final class ChurnRun {
    static final String NAMESPACE = "churn-bench";
    private static final long STATUS_POLL_MILLIS = 1000;

    /** One phase: its wall time and the pods it created (create, roll) or removed (delete). */
    record Phase(String name, int pods, PhaseCost cost) {
        double podsPerSecond() {
            return pods / cost.wallSeconds();
        }
    }

    private final SimulatedCluster cluster;
    private final int deployments;
    private final int replicas;
    private final Duration timeout;
    private final ClientPool pool;
    private final DeploymentStatuses statuses;
    private final PodCensus census = new PodCensus();

    private ChurnRun(SimulatedCluster cluster, int deployments, int replicas, Duration timeout, ClientPool pool,
                     ApiClient statusClient) {
        this.cluster = cluster;
        this.deployments = deployments;
        this.replicas = replicas;
        this.timeout = timeout;
        this.pool = pool;
        this.statuses = new DeploymentStatuses(statusClient, NAMESPACE);
    }

    static List<Phase> measure(SimulatedCluster cluster, int deployments, int replicas, int clients, Duration timeout) {
        try (ClientPool pool = ClientPool.connect(cluster.server(), clients);
             ApiClient statusClient = cluster.connect();
             ApiClient watchClient = cluster.connect()) {
            pool.get(0).create("/api/v1/namespaces", Manifests.namespace(NAMESPACE));
            ChurnRun run = new ChurnRun(cluster, deployments, replicas, timeout, pool, statusClient);
            try (ResumingWatch watch = ResumingWatch.start(watchClient, "/api/v1/namespaces/" + NAMESPACE + "/pods",
                    run.census)) {
                return run.phases(watch);
            }
        }
    }

    private List<Phase> phases(ResumingWatch watch) {
        List<Phase> phases = new ArrayList<>();
        String collection = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments";

        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        int createdBefore = census.created();
        Progress.log("creating %,d Deployments × %,d replicas", deployments, replicas);
        forEachDeployment((client, name) -> client.create(collection,
                SchedulingManifests.deployment(NAMESPACE, name, replicas)));
        awaitRolledOut("Deployments available", watch);
        phases.add(new Phase("create", census.created() - createdBefore, meter.stop("churn: create")));

        meter = new PhaseCost.Meter(cluster);
        createdBefore = census.created();
        Progress.log("rolling %,d Deployments to %s", deployments, SchedulingManifests.ROLLED_IMAGE);
        forEachDeployment((client, name) -> client.patch(collection + "/" + name,
                "application/strategic-merge-patch+json", SchedulingManifests.imagePatch(SchedulingManifests.ROLLED_IMAGE)));
        awaitRolledOut("rollouts complete", watch);
        phases.add(new Phase("roll", census.created() - createdBefore, meter.stop("churn: roll")));

        meter = new PhaseCost.Meter(cluster);
        int liveBefore = census.live();
        Progress.log("deleting %,d Deployments (propagationPolicy Background)", deployments);
        forEachDeployment((client, name) -> client.delete(collection + "/" + name,
                SchedulingManifests.DELETE_IN_BACKGROUND));
        Await.until("pods gone", deadline(), STATUS_POLL_MILLIS, () -> {
            watch.checkHealthy();
            return census.live() == 0 && statuses.noneLeft();
        }, () -> "%,d pods left; %s".formatted(census.live(), statuses.state()));
        phases.add(new Phase("delete", liveBefore, meter.stop("churn: delete")));
        return phases;
    }

    private void awaitRolledOut(String what, ResumingWatch watch) {
        Await.until(what, deadline(), STATUS_POLL_MILLIS, () -> {
            watch.checkHealthy();
            return statuses.allComplete(deployments);
        }, () -> "%s; %,d pods".formatted(statuses.state(), census.live()));
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    /** Sends one request per Deployment from the pool's clients. */
    private void forEachDeployment(DeploymentRequest request) {
        ConcurrentLoad.run(deployments, pool.size(), worker -> index ->
                request.send(pool.get(worker), "churn-%03d".formatted(index)));
    }

    @FunctionalInterface
    private interface DeploymentRequest {
        void send(ApiClient client, String deployment);
    }
}
