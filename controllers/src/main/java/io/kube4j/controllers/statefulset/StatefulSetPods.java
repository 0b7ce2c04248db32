package io.kube4j.controllers.statefulset;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Owners;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable identity of StatefulSet pods: name {@code <set>-<ordinal>}, hostname and subdomain,
 * the pod-name and pod-index labels, the revision label, and one claim per volumeClaimTemplate
 * named {@code <claim>-<set>-<ordinal>}.
 */
public final class StatefulSetPods {
    public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    public static final String REVISION_LABEL = "controller-revision-hash";
    private static final Pattern ORDINAL_NAME = Pattern.compile("(.*)-([0-9]+)$");

    private final KubernetesSerialization serialization;

    public StatefulSetPods(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** The ordinal of a pod named {@code <set>-<n>}, or -1 if the name is not one of the set's. */
    public static int ordinalOf(String setName, String podName) {
        Matcher m = ORDINAL_NAME.matcher(podName);
        if (!m.matches() || !m.group(1).equals(setName)) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The set name of a pod named {@code <set>-<n>}, or null if the name has no ordinal. */
    public static String setNameOf(String podName) {
        Matcher m = ORDINAL_NAME.matcher(podName);
        return m.matches() ? m.group(1) : null;
    }

    public static String podName(StatefulSet set, int ordinal) {
        return set.getMetadata().getName() + "-" + ordinal;
    }

    public static String claimName(String claimTemplate, StatefulSet set, int ordinal) {
        return claimTemplate + "-" + podName(set, ordinal);
    }

    /** The pod of {@code ordinal} built from {@code template} (of the named revision). */
    public Pod newPod(StatefulSet set, PodTemplateSpec template, String revisionName, int ordinal) {
        PodTemplateSpec copy = serialization.clone(template);
        String name = podName(set, ordinal);
        ObjectMeta templateMeta = copy.getMetadata() == null ? new ObjectMeta() : copy.getMetadata();
        Map<String, String> labels = new HashMap<>(templateMeta.getLabels() == null ? Map.of() : templateMeta.getLabels());
        labels.put(POD_NAME_LABEL, name);
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        labels.put(REVISION_LABEL, revisionName);
        PodSpec spec = copy.getSpec();
        spec.setHostname(name);
        spec.setSubdomain(set.getSpec().getServiceName());
        spec.setVolumes(volumesWithClaims(set, spec.getVolumes(), ordinal));
        Pod pod = new Pod();
        pod.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(set.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(templateMeta.getAnnotations())
                .withFinalizers(templateMeta.getFinalizers())
                .withOwnerReferences(Owners.controllerRef(set))
                .build());
        pod.setSpec(spec);
        return pod;
    }

    /** The template's volumes with each claim template's volume pointing at this ordinal's claim. */
    private static List<Volume> volumesWithClaims(StatefulSet set, List<Volume> templateVolumes, int ordinal) {
        List<PersistentVolumeClaim> claimTemplates = claimTemplates(set);
        List<Volume> volumes = new ArrayList<>();
        for (PersistentVolumeClaim claim : claimTemplates) {
            String claimTemplate = claim.getMetadata().getName();
            volumes.add(new VolumeBuilder().withName(claimTemplate)
                    .withNewPersistentVolumeClaim().withClaimName(claimName(claimTemplate, set, ordinal)).endPersistentVolumeClaim()
                    .build());
        }
        if (templateVolumes != null) {
            for (Volume v : templateVolumes) {
                if (claimTemplates.stream().noneMatch(c -> c.getMetadata().getName().equals(v.getName()))) {
                    volumes.add(v);
                }
            }
        }
        return volumes;
    }

    /** The claims of {@code ordinal}, labelled with the set's selector; controlled by the set if claims go with it. */
    public List<PersistentVolumeClaim> newClaims(StatefulSet set, int ordinal) {
        Map<String, String> selectorLabels = set.getSpec().getSelector().getMatchLabels();
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        for (PersistentVolumeClaim template : claimTemplates(set)) {
            Map<String, String> labels = new HashMap<>();
            if (template.getMetadata().getLabels() != null) {
                labels.putAll(template.getMetadata().getLabels());
            }
            if (selectorLabels != null) {
                labels.putAll(selectorLabels);
            }
            claims.add(new PersistentVolumeClaimBuilder()
                    .withNewMetadata()
                    .withName(claimName(template.getMetadata().getName(), set, ordinal))
                    .withNamespace(set.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withAnnotations(template.getMetadata().getAnnotations())
                    .withOwnerReferences(ClaimRetention.ownersOfNewClaim(set))
                    .endMetadata()
                    .withSpec(serialization.clone(template.getSpec()))
                    .build());
        }
        return claims;
    }

    private static List<PersistentVolumeClaim> claimTemplates(StatefulSet set) {
        return set.getSpec().getVolumeClaimTemplates() == null ? List.of() : set.getSpec().getVolumeClaimTemplates();
    }
}
