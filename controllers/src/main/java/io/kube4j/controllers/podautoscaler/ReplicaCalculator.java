package io.kube4j.controllers.podautoscaler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's replica calculation for a resource utilization target: desired = ceil(ready pods ×
 * current utilization / target), unchanged within the tolerance. Pods being deleted or failed are
 * ignored; pending pods, and for CPU pods not yet (or only just) ready, are "unready"; pods without
 * metrics are "missing". Unready and missing pods are then assumed idle on a scale-up and (missing
 * ones) fully busy on a scale-down, and a change that this makes pointless or reverses is dropped.
 */
final class ReplicaCalculator {
    static final double DEFAULT_TOLERANCE = 0.1;
    private static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    private static final Duration INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

    /** The proposal, the current average utilization (percent of request) and the raw average usage. */
    record Result(int replicas, int utilization, long averageUsage) {
    }

    /** A failure the HPA reports in its conditions and events. */
    static final class MetricException extends Exception {
        MetricException(String message) {
            super(message);
        }
    }

    private final double tolerance;

    ReplicaCalculator(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param usage    measured usage per pod name, in milli-units (millicores, or bytes × 1000 for memory)
     * @param resource {@code cpu} or {@code memory}
     */
    Result replicas(int currentReplicas, int targetUtilization, String resource, List<Pod> pods,
                    Map<String, PodMetricsSource.PodUsage> usage, Instant now) throws MetricException {
        if (pods.isEmpty()) {
            throw new MetricException("no pods returned by selector while calculating replica count");
        }
        Map<String, Long> metrics = new HashMap<>();
        Set<String> unready = new HashSet<>();
        Set<String> missing = new HashSet<>();
        int readyCount = 0;
        for (Pod pod : pods) {
            String name = pod.getMetadata().getName();
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            PodMetricsSource.PodUsage sample = usage.get(name);
            if (pod.getMetadata().getDeletionTimestamp() != null || "Failed".equals(phase)) {
                continue;
            }
            if ("Pending".equals(phase)) {
                unready.add(name);
            } else if (sample == null) {
                missing.add(name);
            } else if ("cpu".equals(resource) && isUnreadyForCpu(pod, sample, now)) {
                unready.add(name);
            } else {
                metrics.put(name, milliValue(sample, resource));
                readyCount++;
            }
        }
        if (metrics.isEmpty()) {
            throw new MetricException("did not receive metrics for targeted pods (pods might be unready)");
        }
        Map<String, Long> requests = requests(pods, resource);
        Ratio ratio = ratio(metrics, requests, targetUtilization);
        boolean scaleUpWithUnready = !unready.isEmpty() && ratio.value > 1.0;
        if (!scaleUpWithUnready && missing.isEmpty()) {
            int replicas = within(ratio.value) ? currentReplicas : (int) Math.ceil(ratio.value * readyCount);
            return new Result(replicas, ratio.utilization, ratio.average);
        }
        if (ratio.value < 1.0) {
            long fallback = Math.max(100, targetUtilization);
            missing.forEach(name -> metrics.put(name, requests.getOrDefault(name, 0L) * fallback / 100));
        } else if (ratio.value > 1.0) {
            missing.forEach(name -> metrics.put(name, 0L));
        }
        if (scaleUpWithUnready) {
            unready.forEach(name -> metrics.put(name, 0L));
        }
        double newRatio = ratio(metrics, requests, targetUtilization).value;
        Result unchanged = new Result(currentReplicas, ratio.utilization, ratio.average);
        if (within(newRatio) || ratio.value < 1.0 && newRatio > 1.0 || ratio.value > 1.0 && newRatio < 1.0) {
            return unchanged;
        }
        int replicas = (int) Math.ceil(newRatio * metrics.size());
        if (newRatio < 1.0 && replicas > currentReplicas || newRatio > 1.0 && replicas < currentReplicas) {
            return unchanged;
        }
        return new Result(replicas, ratio.utilization, ratio.average);
    }

    private boolean within(double ratio) {
        return Math.abs(1.0 - ratio) <= tolerance;
    }

    private record Ratio(double value, int utilization, long average) {
    }

    /** Utilization in whole percent of the requests of the pods with metrics, as upstream truncates it. */
    private static Ratio ratio(Map<String, Long> metrics, Map<String, Long> requests, int targetUtilization) throws MetricException {
        long usageTotal = 0;
        long requestTotal = 0;
        int entries = 0;
        for (var e : metrics.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request != null) {
                usageTotal += e.getValue();
                requestTotal += request;
                entries++;
            }
        }
        if (requestTotal == 0) {
            throw new MetricException("no metrics returned matched known pods");
        }
        int utilization = (int) (usageTotal * 100 / requestTotal);
        return new Ratio((double) utilization / targetUtilization, utilization, usageTotal / entries);
    }

    /**
     * A CPU sample is not trusted while the pod starts: within its first 5 minutes unless it is ready
     * and the sample was taken a full window after it became so; later only if it never was ready.
     */
    private static boolean isUnreadyForCpu(Pod pod, PodMetricsSource.PodUsage sample, Instant now) {
        PodCondition ready = pod.getStatus().getConditions() == null ? null : pod.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
        String started = pod.getStatus().getStartTime();
        if (ready == null || started == null) {
            return true;
        }
        Instant start = Instant.parse(started);
        Instant transition = ready.getLastTransitionTime() == null ? start : Instant.parse(ready.getLastTransitionTime());
        if (start.plus(CPU_INITIALIZATION_PERIOD).isAfter(now)) {
            return "False".equals(ready.getStatus()) || sample.timestamp().isBefore(transition.plus(sample.window()));
        }
        return "False".equals(ready.getStatus()) && start.plus(INITIAL_READINESS_DELAY).isAfter(transition);
    }

    /** Per pod, the summed requests of its containers in milli-units; a container without one is an error. */
    private static Map<String, Long> requests(List<Pod> pods, String resource) throws MetricException {
        Map<String, Long> requests = new HashMap<>();
        for (Pod pod : pods) {
            List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
            if (pod.getSpec().getInitContainers() != null) {
                pod.getSpec().getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy())).forEach(containers::add);
            }
            long total = 0;
            for (Container c : containers) {
                Quantity request = c.getResources() == null || c.getResources().getRequests() == null
                        ? null : c.getResources().getRequests().get(resource);
                if (request == null) {
                    throw new MetricException("missing request for " + resource + " in container " + c.getName()
                            + " of Pod " + pod.getMetadata().getName());
                }
                total += Quantity.getAmountInBytes(request).movePointRight(3).longValue();
            }
            requests.put(pod.getMetadata().getName(), total);
        }
        return requests;
    }

    private static long milliValue(PodMetricsSource.PodUsage sample, String resource) {
        return "cpu".equals(resource) ? sample.cpuMillis() : sample.memoryBytes() * 1000;
    }
}
