package io.kube4j.controllers.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a component only while this process holds a coordination.k8s.io Lease in kube-system, so
 * that of several servers sharing one store only one scheduler and one controller manager act
 * (as upstream's --leader-elect). Upstream's timings: 15 s lease, 10 s renew deadline, 2 s retry.
 */
public final class LeaderElected implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElected.class);

    /** Starts the component when leadership is acquired; its handle is closed when it is lost. */
    @FunctionalInterface
    public interface Component {
        AutoCloseable start() throws Exception;
    }

    private final AtomicReference<AutoCloseable> running = new AtomicReference<>();
    private final CompletableFuture<?> election;

    private LeaderElected(KubernetesClient client, String leaseName, String identity, Component component) {
        LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock("kube-system", leaseName, identity))
                .withLeaseDuration(Duration.ofSeconds(15))
                .withRenewDeadline(Duration.ofSeconds(10))
                .withRetryPeriod(Duration.ofSeconds(2))
                .withReleaseOnCancel()
                .withLeaderCallbacks(new LeaderCallbacks(() -> begin(leaseName, component), this::end,
                        leader -> LOG.info("{}: leader is {}", leaseName, leader)))
                .build(), Executors.newVirtualThreadPerTaskExecutor());
        this.election = elector.start();
    }

    public static LeaderElected run(KubernetesClient client, String leaseName, String identity, Component component) {
        return new LeaderElected(client, leaseName, identity, component);
    }

    private void begin(String leaseName, Component component) {
        try {
            running.set(component.start());
            LOG.info("{}: started as leader", leaseName);
        } catch (Exception e) {
            LOG.error("{}: failed to start", leaseName, e);
        }
    }

    private void end() {
        AutoCloseable handle = running.getAndSet(null);
        if (handle != null) {
            try {
                handle.close();
            } catch (Exception e) {
                LOG.warn("stopping after losing leadership failed", e);
            }
        }
    }

    @Override
    public void close() {
        election.cancel(true);
        end();
    }
}
