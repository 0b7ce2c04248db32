package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One topology spread constraint, pre-compiled: which pods count ({@link #counts}), over which
 * topology key, how much skew is allowed, and which nodes take part in the counting.
 */
record SpreadConstraint(int maxSkew, String topologyKey, Predicate<PodInfo> selector, int minDomains,
                        boolean honorNodeAffinity, boolean honorTaints) {
    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    /** The pod's own constraints with {@code whenUnsatisfiable} DoNotSchedule (hard) or ScheduleAnyway (soft). */
    static List<SpreadConstraint> declared(PodInfo pod, boolean hard) {
        List<SpreadConstraint> out = new ArrayList<>();
        List<TopologySpreadConstraint> declared = pod.spec().getTopologySpreadConstraints();
        if (declared == null) {
            return out;
        }
        for (TopologySpreadConstraint c : declared) {
            boolean isHard = !"ScheduleAnyway".equals(c.getWhenUnsatisfiable());
            if (isHard != hard) {
                continue;
            }
            Predicate<Map<String, String>> labels = Selectors.labelSelector(withMatchLabelKeys(c, pod));
            String ns = pod.namespace();
            out.add(new SpreadConstraint(c.getMaxSkew() == null ? 1 : c.getMaxSkew(), c.getTopologyKey(),
                    p -> ns.equals(p.namespace()) && labels.test(p.labels()),
                    c.getMinDomains() == null ? 1 : c.getMinDomains(),
                    !"Ignore".equals(c.getNodeAffinityPolicy()), "Honor".equals(c.getNodeTaintsPolicy())));
        }
        return out;
    }

    /**
     * The cluster-level default constraints (zone maxSkew 5, hostname maxSkew 3, ScheduleAnyway)
     * for a pod without constraints of its own that belongs to a controller; its "group" is the
     * pods of the same controller (upstream derives the selector from the owning workloads and services).
     */
    static List<SpreadConstraint> systemDefaults(PodInfo pod) {
        OwnerReference owner = pod.controller();
        if (owner == null) {
            return List.of();
        }
        String ns = pod.namespace();
        String uid = owner.getUid();
        Predicate<PodInfo> sameOwner = p -> {
            OwnerReference controller = p.controller();
            return controller != null && uid.equals(controller.getUid()) && ns.equals(p.namespace());
        };
        return List.of(new SpreadConstraint(3, HOSTNAME, sameOwner, 1, true, false),
                new SpreadConstraint(5, ZONE, sameOwner, 1, true, false));
    }

    private static LabelSelector withMatchLabelKeys(TopologySpreadConstraint c, PodInfo pod) {
        if (c.getMatchLabelKeys() == null || c.getMatchLabelKeys().isEmpty() || c.getLabelSelector() == null) {
            return c.getLabelSelector();
        }
        LabelSelector merged = new LabelSelector(c.getLabelSelector().getMatchExpressions(),
                new java.util.HashMap<>(c.getLabelSelector().getMatchLabels() == null ? Map.of()
                        : c.getLabelSelector().getMatchLabels()));
        for (String key : c.getMatchLabelKeys()) {
            String value = pod.labels().get(key);
            if (value != null) {
                merged.getMatchLabels().put(key, value);
            }
        }
        return merged;
    }

    /** Whether {@code p} is one of the pods this constraint spreads (never a terminating one). */
    boolean counts(PodInfo p) {
        return !p.isTerminating() && selector.test(p);
    }

    int countOn(NodeInfo node) {
        int n = 0;
        for (PodInfo p : node.pods()) {
            if (counts(p)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether the node's pods count for this constraint: node affinity honoured (the caller says
     * whether the node matches the pod's, evaluated once per node for all constraints), taints if asked.
     */
    boolean includes(PodInfo pod, NodeInfo node, boolean matchesNodeAffinity) {
        if (honorNodeAffinity && !matchesNodeAffinity) {
            return false;
        }
        return !honorTaints || Tolerations.firstUntolerated(node.taints(), pod.spec().getTolerations()) == null;
    }

    boolean isHostname() {
        return topologyKey.equals(HOSTNAME);
    }

    static boolean hasAllKeys(List<SpreadConstraint> constraints, NodeInfo node) {
        for (SpreadConstraint c : constraints) {
            if (!node.labels().containsKey(c.topologyKey)) {
                return false;
            }
        }
        return true;
    }
}
