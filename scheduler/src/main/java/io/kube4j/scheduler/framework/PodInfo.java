package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod with what the plugins need pre-computed once (requests, affinity terms, host ports,
 * owning controller, resolved priority), so that filtering thousands of nodes never re-parses the
 * pod. Immutable.
 */
public final class PodInfo {
    private final Pod pod;
    private final String key;
    private final String nodeName;
    private final OwnerReference controller;
    private final int priority;
    private final boolean preemptsOthers;
    private final Resource requests;
    private final Resource nonZeroRequests;
    private final List<AffinityTerm> requiredAffinity;
    private final List<AffinityTerm> requiredAntiAffinity;
    private final List<AffinityTerm> preferredAffinity;
    private final List<AffinityTerm> preferredAntiAffinity;
    private final List<HostPort> hostPorts;

    private PodInfo(Pod pod, int priority, boolean preemptsOthers) {
        this.pod = pod;
        this.key = keyOf(pod);
        this.nodeName = pod.getSpec().getNodeName();
        this.controller = controllerOf(pod);
        this.priority = priority;
        this.preemptsOthers = preemptsOthers;
        PodSpec spec = pod.getSpec();
        this.requests = PodRequests.of(spec);
        this.nonZeroRequests = PodRequests.nonZero(spec);
        Affinity affinity = spec.getAffinity();
        String ns = namespace();
        if (affinity != null && affinity.getPodAffinity() != null) {
            requiredAffinity = required(ns, affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
            preferredAffinity = preferred(ns, affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        } else {
            requiredAffinity = List.of();
            preferredAffinity = List.of();
        }
        if (affinity != null && affinity.getPodAntiAffinity() != null) {
            requiredAntiAffinity = required(ns, affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
            preferredAntiAffinity = preferred(ns, affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        } else {
            requiredAntiAffinity = List.of();
            preferredAntiAffinity = List.of();
        }
        this.hostPorts = hostPorts(spec);
    }

    /** {@code o} placed on {@code nodeName}: everything else is shared, nothing is parsed again. */
    private PodInfo(PodInfo o, String nodeName) {
        this.pod = o.pod;
        this.key = o.key;
        this.nodeName = nodeName;
        this.controller = o.controller;
        this.priority = o.priority;
        this.preemptsOthers = o.preemptsOthers;
        this.requests = o.requests;
        this.nonZeroRequests = o.nonZeroRequests;
        this.requiredAffinity = o.requiredAffinity;
        this.requiredAntiAffinity = o.requiredAntiAffinity;
        this.preferredAffinity = o.preferredAffinity;
        this.preferredAntiAffinity = o.preferredAntiAffinity;
        this.hostPorts = o.hostPorts;
    }

    /**
     * A pod whose priority is already resolved (spec.priority, or its PriorityClass' value) and
     * whether it may preempt lower-priority pods (preemptionPolicy other than Never).
     */
    public static PodInfo of(Pod pod, int priority, boolean preemptsOthers) {
        return new PodInfo(pod, priority, preemptsOthers);
    }

    /** A pod at its own spec.priority (0 when unset) and spec.preemptionPolicy. */
    public static PodInfo of(Pod pod) {
        Integer p = pod.getSpec().getPriority();
        return new PodInfo(pod, p == null ? 0 : p, !"Never".equals(pod.getSpec().getPreemptionPolicy()));
    }

    /**
     * This pod as if bound to {@code node} (what the cache assumes while the binding is in flight):
     * {@link #nodeName()} says {@code node}; the Pod object is the pending one, shared, not copied.
     */
    public PodInfo assumedOn(String node) {
        return new PodInfo(this, node);
    }

    public static String keyOf(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    public Pod pod() {
        return pod;
    }

    /** {@code namespace/name}. */
    public String key() {
        return key;
    }

    public String name() {
        return pod.getMetadata().getName();
    }

    public String namespace() {
        return pod.getMetadata().getNamespace();
    }

    public String uid() {
        return pod.getMetadata().getUid();
    }

    public Map<String, String> labels() {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    public PodSpec spec() {
        return pod.getSpec();
    }

    /** The node the pod is bound (or assumed) to, or null. */
    public String nodeName() {
        return nodeName;
    }

    public int priority() {
        return priority;
    }

    /** Whether the pod may preempt lower-priority pods (its preemptionPolicy is not Never). */
    public boolean preemptsOthers() {
        return preemptsOthers;
    }

    /** status.nominatedNodeName, or null. */
    public String nominatedNodeName() {
        String n = pod.getStatus() == null ? null : pod.getStatus().getNominatedNodeName();
        return n == null || n.isEmpty() ? null : n;
    }

    public Resource requests() {
        return requests;
    }

    public Resource nonZeroRequests() {
        return nonZeroRequests;
    }

    public List<AffinityTerm> requiredAffinity() {
        return requiredAffinity;
    }

    public List<AffinityTerm> requiredAntiAffinity() {
        return requiredAntiAffinity;
    }

    public List<AffinityTerm> preferredAffinity() {
        return preferredAffinity;
    }

    public List<AffinityTerm> preferredAntiAffinity() {
        return preferredAntiAffinity;
    }

    public boolean hasAffinity() {
        Affinity a = pod.getSpec().getAffinity();
        return a != null && (a.getPodAffinity() != null || a.getPodAntiAffinity() != null);
    }

    public List<HostPort> hostPorts() {
        return hostPorts;
    }

    public boolean isTerminating() {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** The pod's controller (ownerReference with controller=true), or null. */
    public OwnerReference controller() {
        return controller;
    }

    private static OwnerReference controllerOf(Pod pod) {
        List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
        if (refs != null) {
            for (OwnerReference r : refs) {
                if (Boolean.TRUE.equals(r.getController())) {
                    return r;
                }
            }
        }
        return null;
    }

    /** When the pod started (status.startTime), else when it was created; ISO-8601 strings compare chronologically. */
    public String startTime() {
        String start = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
        return start != null ? start : pod.getMetadata().getCreationTimestamp();
    }

    private static List<AffinityTerm> required(String ns, List<PodAffinityTerm> terms) {
        if (terms == null) {
            return List.of();
        }
        return terms.stream().map(t -> AffinityTerm.of(ns, t, 0)).toList();
    }

    private static List<AffinityTerm> preferred(String ns, List<WeightedPodAffinityTerm> terms) {
        if (terms == null) {
            return List.of();
        }
        return terms.stream().map(t -> AffinityTerm.of(ns, t.getPodAffinityTerm(), t.getWeight())).toList();
    }

    private static List<HostPort> hostPorts(PodSpec spec) {
        List<HostPort> ports = new ArrayList<>();
        for (List<Container> containers : List.of(nullSafe(spec.getInitContainers()), nullSafe(spec.getContainers()))) {
            for (Container c : containers) {
                for (ContainerPort p : nullSafe(c.getPorts())) {
                    if (p.getHostPort() != null && p.getHostPort() > 0) {
                        ports.add(HostPort.of(p.getHostIP(), p.getProtocol(), p.getHostPort()));
                    }
                }
            }
        }
        return List.copyOf(ports);
    }

    private static <T> List<T> nullSafe(List<T> l) {
        return l == null ? List.of() : l;
    }

    @Override
    public String toString() {
        return key;
    }
}
