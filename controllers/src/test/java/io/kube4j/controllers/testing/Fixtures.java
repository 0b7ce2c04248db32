package io.kube4j.controllers.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kube4j.controllers.Owners;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Objects as the API would hold them, for seeding caches. */
public final class Fixtures {
    public static final String NS = "default";
    public static final Map<String, String> APP_WEB = Map.of("app", "web");

    private Fixtures() {
    }

    public static PodTemplateSpec template(String image) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(new HashMap<>(APP_WEB)).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .build();
    }

    public static ReplicaSet replicaSet(String name, int replicas, PodTemplateSpec template) {
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withUid(uid(name)).withGeneration(1L)
                .withCreationTimestamp("2030-01-01T00:00:00Z").withResourceVersion("1")
                .withLabels(new HashMap<>(template.getMetadata().getLabels())).endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(new LabelSelector(null, new HashMap<>(APP_WEB)))
                .withTemplate(template).endSpec()
                .withNewStatus().withObservedGeneration(1L).endStatus()
                .build();
    }

    public static Deployment deployment(String name, int replicas, PodTemplateSpec template) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withUid(uid(name)).withGeneration(1L)
                .withCreationTimestamp("2030-01-01T00:00:00Z").withResourceVersion("1").endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(new LabelSelector(null, new HashMap<>(APP_WEB)))
                .withTemplate(template).withRevisionHistoryLimit(10).withProgressDeadlineSeconds(600)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString("25%"))
                .endRollingUpdate().endStrategy()
                .endSpec()
                .build();
    }

    /** A pod with the given labels, controlled by {@code owner} unless it is null. */
    public static Pod pod(String name, Map<String, String> labels, HasMetadata owner) {
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).withUid(uid(name)).withResourceVersion("1")
                .withCreationTimestamp("2030-01-01T00:00:00Z").withLabels(new HashMap<>(labels)).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").endStatus();
        if (owner != null) {
            pod.editMetadata().withOwnerReferences(Owners.controllerRef(owner)).endMetadata();
        }
        return pod.build();
    }

    /** The pod as a kubelet reports it: scheduled on {@code node}, Running, and Ready since {@code readySince}. */
    public static Pod running(Pod pod, String node, String readySince) {
        pod.getSpec().setNodeName(node);
        pod.getStatus().setPhase("Running");
        if (readySince != null) {
            pod.getStatus().setConditions(List.of(new PodCondition(null, readySince, null, null, null, "True", "Ready")));
        }
        return pod;
    }

    /** A stable uid per name, so tests can name owners in ownerReferences. */
    public static String uid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes()).toString();
    }
}
