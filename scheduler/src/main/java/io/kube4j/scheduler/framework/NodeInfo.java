package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node and what is placed on it (bound and assumed pods): summed requests, used host ports, and
 * the pods with (anti-)affinity the affinity plugins look at. Not thread-safe: the cache guards its
 * own instances, a snapshot's copies belong to the scheduling thread.
 */
public final class NodeInfo {
    private Node node;
    private String name;
    private Map<String, String> labels = Map.of();
    private List<Taint> taints = List.of();
    private boolean unschedulable;
    private Resource allocatable = Resource.ZERO;
    private long allowedPods;
    private final List<PodInfo> pods;
    private final List<PodInfo> podsWithAffinity;
    private final List<PodInfo> podsWithRequiredAntiAffinity;
    private final List<HostPort> usedPorts;
    private Resource requested;
    private Resource nonZeroRequested;

    public NodeInfo(Node node) {
        this.pods = new ArrayList<>();
        this.podsWithAffinity = new ArrayList<>();
        this.podsWithRequiredAntiAffinity = new ArrayList<>();
        this.usedPorts = new ArrayList<>();
        this.requested = Resource.ZERO;
        this.nonZeroRequested = Resource.ZERO;
        if (node != null) {
            setNode(node);
        }
    }

    private NodeInfo(NodeInfo o) {
        this.node = o.node;
        this.name = o.name;
        this.labels = o.labels;
        this.taints = o.taints;
        this.unschedulable = o.unschedulable;
        this.allocatable = o.allocatable;
        this.allowedPods = o.allowedPods;
        this.pods = new ArrayList<>(o.pods);
        this.podsWithAffinity = new ArrayList<>(o.podsWithAffinity);
        this.podsWithRequiredAntiAffinity = new ArrayList<>(o.podsWithRequiredAntiAffinity);
        this.usedPorts = new ArrayList<>(o.usedPorts);
        this.requested = o.requested;
        this.nonZeroRequested = o.nonZeroRequested;
    }

    /** A node known only by name, from pods bound to it before its Node object arrived (or after it went). */
    public static NodeInfo placeholder(String name) {
        NodeInfo info = new NodeInfo((Node) null);
        info.name = name;
        return info;
    }

    /** Forgets the Node object (it was deleted) but keeps accounting the pods still bound to it. */
    public void clearNode() {
        this.node = null;
        this.labels = Map.of();
        this.taints = List.of();
        this.allocatable = Resource.ZERO;
        this.allowedPods = 0;
    }

    /** An independent copy (pods lists copied, the immutable pods and node shared). */
    public NodeInfo copy() {
        return new NodeInfo(this);
    }

    public void setNode(Node node) {
        this.node = node;
        this.name = node.getMetadata().getName();
        Map<String, String> l = node.getMetadata().getLabels();
        this.labels = l == null ? Map.of() : Map.copyOf(l);
        List<Taint> t = node.getSpec() == null ? null : node.getSpec().getTaints();
        this.taints = t == null ? List.of() : List.copyOf(t);
        this.unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        Map<String, io.fabric8.kubernetes.api.model.Quantity> alloc = node.getStatus() == null ? null
                : node.getStatus().getAllocatable();
        this.allocatable = Resource.of(alloc);
        this.allowedPods = alloc == null ? 0 : Resource.value(alloc.get("pods"));
    }

    public void addPod(PodInfo pod) {
        pods.add(pod);
        if (pod.hasAffinity()) {
            podsWithAffinity.add(pod);
        }
        if (!pod.requiredAntiAffinity().isEmpty()) {
            podsWithRequiredAntiAffinity.add(pod);
        }
        usedPorts.addAll(pod.hostPorts());
        requested = requested.plus(pod.requests());
        nonZeroRequested = nonZeroRequested.plus(pod.nonZeroRequests());
    }

    /** Removes the pod with {@code key}; false if it is not on this node. */
    public boolean removePod(String key) {
        PodInfo removed = null;
        for (int i = 0; i < pods.size(); i++) {
            if (pods.get(i).key().equals(key)) {
                removed = pods.remove(i);
                break;
            }
        }
        if (removed == null) {
            return false;
        }
        podsWithAffinity.removeIf(p -> p.key().equals(key));
        podsWithRequiredAntiAffinity.removeIf(p -> p.key().equals(key));
        for (HostPort port : removed.hostPorts()) {
            usedPorts.remove(port);
        }
        requested = requested.minus(removed.requests());
        nonZeroRequested = nonZeroRequested.minus(removed.nonZeroRequests());
        return true;
    }

    /** The Node object, or null while only pods that name this node are known. */
    public Node node() {
        return node;
    }

    public String name() {
        return name;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public List<Taint> taints() {
        return taints;
    }

    public boolean unschedulable() {
        return unschedulable;
    }

    public Resource allocatable() {
        return allocatable;
    }

    /** status.allocatable.pods: how many pods the node takes. */
    public long allowedPods() {
        return allowedPods;
    }

    public List<PodInfo> pods() {
        return pods;
    }

    public List<PodInfo> podsWithAffinity() {
        return podsWithAffinity;
    }

    public List<PodInfo> podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    public List<HostPort> usedPorts() {
        return usedPorts;
    }

    /** The summed requests of the pods on the node (bound and assumed). */
    public Resource requested() {
        return requested;
    }

    /** Like {@link #requested()} with upstream's defaults for containers without requests (for scoring). */
    public Resource nonZeroRequested() {
        return nonZeroRequested;
    }

    @Override
    public String toString() {
        return name + "{pods=" + pods.size() + ", requested=" + requested + "}";
    }
}
