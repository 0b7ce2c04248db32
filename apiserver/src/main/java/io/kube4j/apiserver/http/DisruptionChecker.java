package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides whether evicting a pod would violate a PodDisruptionBudget; throws a 429 ApiException
 * when it would (kubectl drain then retries).
 */
@FunctionalInterface
public interface DisruptionChecker {
    void checkEviction(ObjectNode pod);
}
