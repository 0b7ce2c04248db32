package io.kube4j.node.sim;

import java.time.Duration;

/**
 * What simulated nodes look like and how fast they act.
 *
 * @param count             nodes to register, named {@code namePrefix + 0 … namePrefix + (count-1)}
 * @param namePrefix        the node name prefix ({@code sim-})
 * @param cpu               capacity and allocatable cpu of every node (a quantity, e.g. {@code 32})
 * @param memory            capacity and allocatable memory ({@code 256Gi})
 * @param pods              the pods capacity ({@code 110}); also sizes each node's pod CIDR
 * @param ephemeralStorage  capacity and allocatable ephemeral-storage
 * @param clusterCidr       the pod network that node pod CIDRs are carved from (see {@link PodCidrPlan})
 * @param leaseRenewInterval how often each node renews its kube-node-lease Lease (10 s, as the kubelet)
 * @param leaseDurationSeconds the Lease's {@code leaseDurationSeconds} (40, as the kubelet)
 * @param statusReportInterval how often an unchanged node status is re-posted (5 min, upstream's
 *                          {@code nodeStatusReportFrequency}); a status others changed is corrected at once
 * @param containerStartDelay how long a bound pod shows ContainerCreating before it runs
 * @param defaultRunDuration how long a Never/OnFailure pod runs unless annotated {@value SimulatedPods#RUN_SECONDS}
 * @param containerStopDelay the longest a deleted pod's containers take to stop (capped by its grace period)
 * @param podWriteConcurrency the most pod writes in flight at once (the pod workers)
 * @param heartbeatConcurrency the most heartbeat writes (Lease renewals, node statuses) in flight at once, on
 *                          threads of their own that pod work never delays
 */
public record SimulatedNodesConfig(int count, String namePrefix, String cpu, String memory, int pods,
                                   String ephemeralStorage, String clusterCidr, Duration leaseRenewInterval,
                                   int leaseDurationSeconds, Duration statusReportInterval,
                                   Duration containerStartDelay, Duration defaultRunDuration,
                                   Duration containerStopDelay, int podWriteConcurrency, int heartbeatConcurrency) {

    public SimulatedNodesConfig {
        if (count < 0) {
            throw new IllegalArgumentException("simulated node count must be >= 0, got " + count);
        }
        if (pods < 1) {
            throw new IllegalArgumentException("simulated node pods capacity must be >= 1, got " + pods);
        }
        if (podWriteConcurrency < 1) {
            throw new IllegalArgumentException("pod write concurrency must be >= 1, got " + podWriteConcurrency);
        }
        if (heartbeatConcurrency < 1) {
            throw new IllegalArgumentException("heartbeat concurrency must be >= 1, got " + heartbeatConcurrency);
        }
    }

    /**
     * {@code count} nodes with the defaults: 32 cpu, 256Gi, 110 pods, 10.244.0.0/16; 32 pod writes in
     * flight, and one heartbeat thread per 25 nodes (4 to 128): each renews 2.5 Leases a second, so
     * every node renews each 10 s while a write takes up to 400 ms (a server busy with pod churn).
     */
    public static SimulatedNodesConfig defaults(int count) {
        return new SimulatedNodesConfig(count, "sim-", "32", "256Gi", 110, "100Gi", "10.244.0.0/16",
                Duration.ofSeconds(10), 40, Duration.ofMinutes(5), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(500), 32, Math.clamp(count / 25, 4, 128));
    }

    public SimulatedNodesConfig withNamePrefix(String value) {
        return new SimulatedNodesConfig(count, value, cpu, memory, pods, ephemeralStorage, clusterCidr,
                leaseRenewInterval, leaseDurationSeconds, statusReportInterval, containerStartDelay,
                defaultRunDuration, containerStopDelay, podWriteConcurrency, heartbeatConcurrency);
    }

    public SimulatedNodesConfig withCapacity(String cpuValue, String memoryValue, int podsValue) {
        return new SimulatedNodesConfig(count, namePrefix, cpuValue, memoryValue, podsValue, ephemeralStorage,
                clusterCidr, leaseRenewInterval, leaseDurationSeconds, statusReportInterval, containerStartDelay,
                defaultRunDuration, containerStopDelay, podWriteConcurrency, heartbeatConcurrency);
    }

    public SimulatedNodesConfig withClusterCidr(String value) {
        return new SimulatedNodesConfig(count, namePrefix, cpu, memory, pods, ephemeralStorage, value,
                leaseRenewInterval, leaseDurationSeconds, statusReportInterval, containerStartDelay,
                defaultRunDuration, containerStopDelay, podWriteConcurrency, heartbeatConcurrency);
    }

    public SimulatedNodesConfig withHeartbeats(Duration leaseRenew, Duration statusReport) {
        return new SimulatedNodesConfig(count, namePrefix, cpu, memory, pods, ephemeralStorage, clusterCidr,
                leaseRenew, leaseDurationSeconds, statusReport, containerStartDelay, defaultRunDuration,
                containerStopDelay, podWriteConcurrency, heartbeatConcurrency);
    }

    public SimulatedNodesConfig withPodTimings(Duration start, Duration run, Duration stop) {
        return new SimulatedNodesConfig(count, namePrefix, cpu, memory, pods, ephemeralStorage, clusterCidr,
                leaseRenewInterval, leaseDurationSeconds, statusReportInterval, start, run, stop, podWriteConcurrency,
                heartbeatConcurrency);
    }

    public SimulatedNodesConfig withConcurrency(int podWrites, int heartbeats) {
        return new SimulatedNodesConfig(count, namePrefix, cpu, memory, pods, ephemeralStorage, clusterCidr,
                leaseRenewInterval, leaseDurationSeconds, statusReportInterval, containerStartDelay,
                defaultRunDuration, containerStopDelay, podWrites, heartbeats);
    }

    public String nodeName(int index) {
        return namePrefix + index;
    }
}
