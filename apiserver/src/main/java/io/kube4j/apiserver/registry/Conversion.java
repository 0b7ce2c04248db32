package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.resource.ResourceType;

/**
 * Serves a resource in an API version other than the one it is stored in (autoscaling/v1 over
 * stored autoscaling/v2 HorizontalPodAutoscalers, events.k8s.io/v1 over core Events), as upstream
 * converts through its internal version. Both directions get a private copy they may change.
 */
public interface Conversion {
    /** The type objects are stored as (keys, strategy, validation). */
    ResourceType storage();

    ObjectNode toStorage(ObjectNode served);

    ObjectNode fromStorage(ObjectNode stored);
}
