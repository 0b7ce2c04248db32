package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.selector.LabelSelector;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.Registries;

/**
 * The eviction rule of upstream: a pod covered by a PodDisruptionBudget may be evicted only while
 * the budget's status (kept by the disruption controller) allows a disruption; otherwise 429.
 */
public final class PodDisruptionCheck implements DisruptionChecker {
    private final Registries registries;

    public PodDisruptionCheck(Registries registries) {
        this.registries = registries;
    }

    @Override
    public void checkEviction(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed") || Meta.isDeleting(pod)) {
            return;
        }
        GenericRegistry budgets = registries.find("policy", "v1", "poddisruptionbudgets");
        for (JsonNode pdb : budgets.list(Meta.namespace(pod), ListOptions.ALL).items()) {
            JsonNode selector = pdb.path("spec").path("selector");
            if (selector.isMissingNode() || !LabelSelector.fromJson(selector).matches(Meta.labels(pod))) {
                continue;
            }
            long generation = pdb.path("metadata").path("generation").asLong(1);
            if (pdb.path("status").path("observedGeneration").asLong(0) < generation) {
                throw ApiException.tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget. "
                        + "The disruption budget " + Meta.name(pdb) + " is still being processed by the server.");
            }
            if (pdb.path("status").path("disruptionsAllowed").asInt(0) < 1) {
                throw ApiException.tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget. "
                        + "The disruption budget " + Meta.name(pdb) + " needs " + pdb.path("status").path("desiredHealthy").asInt()
                        + " healthy pods and has " + pdb.path("status").path("currentHealthy").asInt() + " currently");
            }
        }
    }
}
