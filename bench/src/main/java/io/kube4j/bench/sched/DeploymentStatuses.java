package io.kube4j.bench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kube4j.bench.ApiClient;
import java.io.IOException;

/** Lists a namespace's Deployments and counts those whose rollout is complete. */
final class DeploymentStatuses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;
    private final String collectionPath;
    private volatile int listed;
    private volatile int complete;

    DeploymentStatuses(ApiClient client, String namespace) {
        this.client = client;
        this.collectionPath = "/apis/apps/v1/namespaces/" + namespace + "/deployments";
    }

    /** Lists again; true when there are {@code expected} Deployments, all complete. */
    boolean allComplete(int expected) {
        refresh();
        return listed == expected && complete == expected;
    }

    /** Lists again; true when no Deployment is left. */
    boolean noneLeft() {
        refresh();
        return listed == 0;
    }

    String state() {
        return "%,d Deployments, %,d rolled out".formatted(listed, complete);
    }

    private void refresh() {
        JsonNode list;
        try {
            list = JSON.readTree(client.get(collectionPath, "application/json").bytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse the Deployment list: " + e.getMessage(), e);
        }
        int count = 0;
        int done = 0;
        for (JsonNode deployment : list.path("items")) {
            count++;
            done += isComplete(deployment) ? 1 : 0;
        }
        listed = count;
        complete = done;
    }

    /**
     * What {@code kubectl rollout status} waits for: the controller saw the latest spec, every
     * replica runs the current template and is available, and no old replica is left.
     */
    private static boolean isComplete(JsonNode deployment) {
        JsonNode status = deployment.path("status");
        int replicas = deployment.path("spec").path("replicas").asInt();
        return status.path("observedGeneration").asLong() >= deployment.path("metadata").path("generation").asLong()
                && status.path("updatedReplicas").asInt() == replicas
                && status.path("availableReplicas").asInt() == replicas
                && status.path("replicas").asInt() == replicas;
    }
}
