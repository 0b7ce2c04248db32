package io.kube4j.controllers.podgc;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.PodStates;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link PodGcApi} over the fabric8 client. */
final class ClientPodGcApi implements PodGcApi {
    private final KubernetesClient client;

    ClientPodGcApi(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public boolean nodeExists(String name) {
        return client.nodes().withName(name).get() != null;
    }

    @Override
    public void failAndForceDelete(Pod pod, PodCondition condition) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        try {
            if (!PodStates.isFinished(pod)) {
                client.pods().inNamespace(namespace).withName(name).editStatus(latest -> failed(latest, pod.getMetadata().getUid(), condition));
            }
            // No grace period (no kubelet will confirm), but only this pod: not a successor of the same name.
            client.raw("/api/v1/namespaces/" + namespace + "/pods/" + name, "DELETE", Map.of(
                    "apiVersion", "v1", "kind", "DeleteOptions", "gracePeriodSeconds", 0,
                    "preconditions", Map.of("uid", pod.getMetadata().getUid())));
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND && e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    /**
     * The latest pod marked Failed with {@code condition} replacing one of its type; unchanged once
     * finished or when it is another pod of the same name.
     */
    private static Pod failed(Pod latest, String uid, PodCondition condition) {
        if (!uid.equals(latest.getMetadata().getUid()) || PodStates.isFinished(latest)) {
            return latest;
        }
        List<PodCondition> conditions = new ArrayList<>(orEmpty(latest.getStatus() == null ? null : latest.getStatus().getConditions()));
        if (condition != null) {
            conditions.removeIf(c -> condition.getType().equals(c.getType()));
            conditions.add(condition);
        }
        return new PodBuilder(latest).editOrNewStatus().withPhase(PodStates.FAILED).withConditions(conditions).endStatus().build();
    }
}
