package io.kube4j.controllers.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.Tolerations;
import java.util.List;
import java.util.Map;

/**
 * Whether a node should run a daemon pod (upstream's NodeShouldRunDaemonPod): the template's
 * nodeName, nodeSelector and required node affinity must match, and every NoSchedule and NoExecute
 * taint must be tolerated. A pod already there may stay as long as it tolerates the NoExecute taints.
 */
public final class NodeEligibility {

    /** {@code shouldRun}: a pod belongs there; {@code shouldContinueRunning}: an existing pod may stay. */
    public record Decision(boolean shouldRun, boolean shouldContinueRunning) {
    }

    private NodeEligibility() {
    }

    /** @param spec the daemon pod spec, with the automatic daemon tolerations already added */
    public static Decision decide(PodSpec spec, Node node) {
        String nodeName = node.getMetadata().getName();
        boolean fitsNodeName = spec.getNodeName() == null || spec.getNodeName().isEmpty() || spec.getNodeName().equals(nodeName);
        if (!fitsNodeName || !LabelSelectors.containsAll(labels(node), spec.getNodeSelector()) || !fitsRequiredAffinity(spec, node)) {
            return new Decision(false, false);
        }
        List<Taint> taints = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        List<Toleration> tolerations = spec.getTolerations() == null ? List.of() : spec.getTolerations();
        boolean untoleratedNoExecute = false;
        boolean untoleratedNoSchedule = false;
        for (Taint taint : taints) {
            if (tolerations.stream().anyMatch(t -> Tolerations.tolerates(t, taint))) {
                continue;
            }
            untoleratedNoExecute |= "NoExecute".equals(taint.getEffect());
            untoleratedNoSchedule |= "NoSchedule".equals(taint.getEffect());
        }
        if (untoleratedNoExecute || untoleratedNoSchedule) {
            return new Decision(false, !untoleratedNoExecute);
        }
        return new Decision(true, true);
    }

    private static boolean fitsRequiredAffinity(PodSpec spec, Node node) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return true;
        }
        NodeSelector required = spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        return required == null || matches(required, node);
    }

    /** Terms are ORed; within a term all expressions and fields must match; an empty term matches nothing. */
    public static boolean matches(NodeSelector selector, Node node) {
        List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms() == null ? List.of() : selector.getNodeSelectorTerms();
        for (NodeSelectorTerm term : terms) {
            List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
            List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
            if (expressions.isEmpty() && fields.isEmpty()) {
                continue;
            }
            Map<String, String> labels = labels(node);
            Map<String, String> nodeFields = Map.of("metadata.name", node.getMetadata().getName());
            if (expressions.stream().allMatch(r -> requirementMatches(r, labels))
                    && fields.stream().allMatch(r -> requirementMatches(r, nodeFields))) {
                return true;
            }
        }
        return false;
    }

    static boolean requirementMatches(NodeSelectorRequirement requirement, Map<String, String> values) {
        String value = values.get(requirement.getKey());
        List<String> wanted = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && wanted.contains(value);
            case "NotIn" -> value == null || !wanted.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt", "Lt" -> value != null && wanted.size() == 1 && compareIntegers(value, wanted.getFirst(),
                    requirement.getOperator().equals("Gt"));
            default -> false;
        };
    }

    private static boolean compareIntegers(String actual, String bound, boolean greater) {
        try {
            long a = Long.parseLong(actual);
            long b = Long.parseLong(bound);
            return greater ? a > b : a < b;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> labels(Node node) {
        return node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    }
}
