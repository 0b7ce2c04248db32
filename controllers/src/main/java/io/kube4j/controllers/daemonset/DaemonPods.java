package io.kube4j.controllers.daemonset;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Owners;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Daemon pods as upstream builds them: the template with the automatic daemon tolerations, the
 * revision hash and template generation labels, and a required node affinity on the node's name
 * (matchFields {@code metadata.name}) so the scheduler binds each pod to its node.
 */
public final class DaemonPods {
    public static final String REVISION_LABEL = "controller-revision-hash";
    public static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";
    private static final String NODE_NAME_FIELD = "metadata.name";

    private final KubernetesSerialization serialization;

    public DaemonPods(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /**
     * The tolerations every daemon pod gets: it stays on not-ready and unreachable nodes, and is placed
     * on nodes under resource pressure, cordoned ones, and (with host networking) ones without network.
     */
    public static List<Toleration> withDaemonTolerations(List<Toleration> tolerations, boolean hostNetwork) {
        List<Toleration> result = new ArrayList<>(tolerations == null ? List.of() : tolerations);
        addOrUpdate(result, exists("node.kubernetes.io/not-ready", "NoExecute"));
        addOrUpdate(result, exists("node.kubernetes.io/unreachable", "NoExecute"));
        addOrUpdate(result, exists("node.kubernetes.io/disk-pressure", "NoSchedule"));
        addOrUpdate(result, exists("node.kubernetes.io/memory-pressure", "NoSchedule"));
        addOrUpdate(result, exists("node.kubernetes.io/pid-pressure", "NoSchedule"));
        addOrUpdate(result, exists("node.kubernetes.io/unschedulable", "NoSchedule"));
        if (hostNetwork) {
            addOrUpdate(result, exists("node.kubernetes.io/network-unavailable", "NoSchedule"));
        }
        return result;
    }

    private static Toleration exists(String key, String effect) {
        return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect(effect).build();
    }

    /** Replaces a toleration of the same key, operator, value and effect, or appends it. */
    private static void addOrUpdate(List<Toleration> tolerations, Toleration toleration) {
        for (int i = 0; i < tolerations.size(); i++) {
            Toleration t = tolerations.get(i);
            if (Objects.equals(t.getKey(), toleration.getKey()) && Objects.equals(t.getOperator(), toleration.getOperator())
                    && Objects.equals(t.getValue(), toleration.getValue()) && Objects.equals(t.getEffect(), toleration.getEffect())) {
                tolerations.set(i, toleration);
                return;
            }
        }
        tolerations.add(toleration);
    }

    /** The pod spec used to decide node eligibility: the template's with the daemon tolerations. */
    public PodSpec eligibilitySpec(DaemonSet ds) {
        PodSpec spec = serialization.clone(ds.getSpec().getTemplate().getSpec());
        spec.setTolerations(withDaemonTolerations(spec.getTolerations(), Boolean.TRUE.equals(spec.getHostNetwork())));
        return spec;
    }

    /** A new daemon pod for {@code nodeName} (named by the server from {@code <ds>-}). */
    public Pod newPod(DaemonSet ds, String hash, String nodeName) {
        PodTemplateSpec template = serialization.clone(ds.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of()
                : template.getMetadata().getLabels());
        labels.put(REVISION_LABEL, hash);
        if (ds.getMetadata().getGeneration() != null) {
            labels.put(TEMPLATE_GENERATION_LABEL, ds.getMetadata().getGeneration().toString());
        }
        PodSpec spec = template.getSpec();
        spec.setTolerations(withDaemonTolerations(spec.getTolerations(), Boolean.TRUE.equals(spec.getHostNetwork())));
        spec.setAffinity(withNodeNameAffinity(spec.getAffinity(), nodeName));
        Pod pod = new Pod();
        pod.setMetadata(template.getMetadata());
        pod.getMetadata().setName(null);
        pod.getMetadata().setGenerateName(ds.getMetadata().getName() + "-");
        pod.getMetadata().setNamespace(ds.getMetadata().getNamespace());
        pod.getMetadata().setLabels(labels);
        pod.getMetadata().setOwnerReferences(List.of(Owners.controllerRef(ds)));
        pod.setSpec(spec);
        return pod;
    }

    /** The affinity with its required node terms replaced by one term selecting the node by name. */
    static Affinity withNodeNameAffinity(Affinity affinity, String nodeName) {
        Affinity result = affinity == null ? new Affinity() : affinity;
        NodeAffinity nodeAffinity = result.getNodeAffinity() == null ? new NodeAffinity() : result.getNodeAffinity();
        NodeSelectorRequirement byName = new NodeSelectorRequirementBuilder()
                .withKey(NODE_NAME_FIELD).withOperator("In").withValues(nodeName).build();
        nodeAffinity.setRequiredDuringSchedulingIgnoredDuringExecution(
                new NodeSelector(List.of(new NodeSelectorTermBuilder().withMatchFields(byName).build())));
        result.setNodeAffinity(nodeAffinity);
        return result;
    }

    /** The node a daemon pod is on, or is meant for by its node-name affinity; null if neither. */
    public static String targetNode(Pod pod) {
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
            return pod.getSpec().getNodeName();
        }
        Affinity affinity = pod.getSpec().getAffinity();
        if (affinity == null || affinity.getNodeAffinity() == null
                || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        return affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().stream()
                .flatMap(term -> term.getMatchFields() == null ? java.util.stream.Stream.empty() : term.getMatchFields().stream())
                .filter(r -> NODE_NAME_FIELD.equals(r.getKey()) && "In".equals(r.getOperator())
                        && r.getValues() != null && r.getValues().size() == 1)
                .map(r -> r.getValues().getFirst())
                .findFirst().orElse(null);
    }
}
