package io.kube4j.bench.sched;

import io.kube4j.bench.ApiClient;
import io.kube4j.bench.ClientPool;
import io.kube4j.bench.ConcurrentLoad;
import io.kube4j.bench.Manifests;
import java.time.Duration;
import java.util.List;

/**
 * Churn: Deployments created (until all replicas are available), rolled to a new image (until
 * every rollout is complete) and deleted in the background (until their last pod is gone), each
 * phase timed from its first request; a pod watch counts the pods created and left.
 */
final class ChurnRun {
    static final String NAMESPACE = "churn-bench";
    private static final String COLLECTION = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments";
    private static final long STATUS_POLL_MILLIS = 1000;

    /** One phase: what it waited for, and the pods it created (create, roll) or removed (delete). */
    record Phase(String name, String until, int pods, PhaseCost cost) {
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
        return List.of(create(watch), roll(watch), delete(watch));
    }

    private Phase create(ResumingWatch watch) {
        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        int createdBefore = census.created();
        Progress.log("creating %,d Deployments × %,d replicas", deployments, replicas);
        forEachDeployment((client, name) -> client.create(COLLECTION,
                SchedulingManifests.deployment(NAMESPACE, name, replicas)));
        awaitRolledOut("Deployments available", watch);
        return new Phase("create", "all replicas available; pods = pods created", census.created() - createdBefore,
                meter.stop("churn: create"));
    }

    private Phase roll(ResumingWatch watch) {
        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        int createdBefore = census.created();
        Progress.log("rolling %,d Deployments to %s", deployments, SchedulingManifests.ROLLED_IMAGE);
        byte[] patch = SchedulingManifests.imagePatch(SchedulingManifests.ROLLED_IMAGE);
        forEachDeployment((client, name) -> client.patch(COLLECTION + "/" + name,
                "application/strategic-merge-patch+json", patch));
        awaitRolledOut("rollouts complete", watch);
        return new Phase("roll", "every rollout complete (new image); pods = pods created",
                census.created() - createdBefore, meter.stop("churn: roll"));
    }

    private Phase delete(ResumingWatch watch) {
        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        int liveBefore = census.live();
        Progress.log("deleting %,d Deployments (propagationPolicy Background)", deployments);
        forEachDeployment((client, name) -> client.delete(COLLECTION + "/" + name,
                SchedulingManifests.DELETE_IN_BACKGROUND));
        Await.until("pods gone", deadline(), STATUS_POLL_MILLIS, () -> {
            watch.checkHealthy();
            return census.live() == 0 && statuses.noneLeft();
        }, () -> "%,d pods left; %s".formatted(census.live(), statuses.state()));
        return new Phase("delete", "last pod gone; pods = pods removed", liveBefore, meter.stop("churn: delete"));
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
