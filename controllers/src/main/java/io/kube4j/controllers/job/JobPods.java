package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.PodStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job pods as upstream creates them: from the template, named {@code <job>-} (Indexed:
 * {@code <job>-<index>-}), controlled by the Job and carrying the tracking finalizer that keeps them
 * until their outcome is counted; Indexed pods also get their completion index as annotation, label,
 * {@code JOB_COMPLETION_INDEX} variable and hostname {@code <job>-<index>}.
 */
public final class JobPods {
    public static final String TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
    public static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
    static final String INDEX_ENV = "JOB_COMPLETION_INDEX";

    private final KubernetesSerialization serialization;

    public JobPods(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    public static boolean isIndexed(Job job) {
        return "Indexed".equals(job.getSpec().getCompletionMode());
    }

    /** A new pod of the Job; {@code index} is ignored unless the Job is Indexed. */
    public Pod newPod(Job job, int index) {
        PodTemplateSpec template = serialization.clone(job.getSpec().getTemplate());
        ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        String jobName = job.getMetadata().getName();
        meta.setName(null);
        meta.setNamespace(job.getMetadata().getNamespace());
        meta.setGenerateName(jobName + "-");
        meta.setOwnerReferences(List.of(Owners.controllerRef(job)));
        List<String> finalizers = new ArrayList<>(meta.getFinalizers() == null ? List.of() : meta.getFinalizers());
        finalizers.add(TRACKING_FINALIZER);
        meta.setFinalizers(finalizers);
        if (isIndexed(job)) {
            meta.setGenerateName(jobName + "-" + index + "-");
            Map<String, String> annotations = new HashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
            annotations.put(COMPLETION_INDEX, Integer.toString(index));
            meta.setAnnotations(annotations);
            Map<String, String> labels = new HashMap<>(meta.getLabels() == null ? Map.of() : meta.getLabels());
            labels.put(COMPLETION_INDEX, Integer.toString(index));
            meta.setLabels(labels);
            if (template.getSpec().getHostname() == null || template.getSpec().getHostname().isEmpty()) {
                template.getSpec().setHostname(jobName + "-" + index);
            }
            addIndexEnv(template.getSpec().getContainers());
            addIndexEnv(template.getSpec().getInitContainers());
        }
        Pod pod = new Pod();
        pod.setMetadata(meta);
        pod.setSpec(template.getSpec());
        return pod;
    }

    private static void addIndexEnv(List<Container> containers) {
        if (containers == null) {
            return;
        }
        EnvVar env = new EnvVarBuilder().withName(INDEX_ENV).withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.annotations['" + COMPLETION_INDEX + "']").endFieldRef().endValueFrom().build();
        for (Container c : containers) {
            List<EnvVar> envs = new ArrayList<>(c.getEnv() == null ? List.of() : c.getEnv());
            if (envs.stream().noneMatch(e -> INDEX_ENV.equals(e.getName()))) {
                envs.add(env);
            }
            c.setEnv(envs);
        }
    }

    /** The completion index of an Indexed Job's pod, or -1 if it has none or an invalid one. */
    public static int indexOf(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(COMPLETION_INDEX);
        if (value == null && pod.getMetadata().getLabels() != null) {
            value = pod.getMetadata().getLabels().get(COMPLETION_INDEX);
        }
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static boolean hasTrackingFinalizer(Pod pod) {
        List<String> finalizers = pod.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(TRACKING_FINALIZER);
    }

    /** When a pod finished: its containers' latest finish time, else {@code fallback}. */
    public static Instant finishTime(Pod pod, Instant fallback) {
        Instant latest = null;
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
                if (s.getState() != null && s.getState().getTerminated() != null) {
                    Instant t = PodStates.instant(s.getState().getTerminated().getFinishedAt());
                    if (t != null && (latest == null || t.isAfter(latest))) {
                        latest = t;
                    }
                }
            }
        }
        return latest == null ? fallback : latest;
    }
}
