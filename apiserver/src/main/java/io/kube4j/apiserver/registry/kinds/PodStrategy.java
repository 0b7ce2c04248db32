package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pods: spec defaults and admission defaults, a Pending status on create, and a mostly fixed spec. */
final class PodStrategy implements Strategy {
    private static final long DEFAULT_GRACE_SECONDS = 30;

    @Override
    public void prepareForCreate(ObjectNode obj) {
        ObjectNode spec = Trees.object(obj, "spec");
        PodSpecDefaults.applyPod(spec);
        PodAdmissionDefaults.apply(spec);
        ObjectNode status = obj.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", QosClass.of(spec));
    }

    /**
     * Defaults the new spec like a decoded request, and keeps what only the server sets: the node
     * (assigned through the binding subresource) and the admission defaults.
     */
    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        ObjectNode spec = Trees.object(obj, "spec");
        JsonNode oldSpec = old.path("spec");
        PodSpecDefaults.applyPod(spec);
        for (String field : List.of("nodeName", "serviceAccountName", "serviceAccount", "priority", "preemptionPolicy")) {
            if (Trees.absent(spec, field) && !Trees.absent(oldSpec, field)) {
                spec.set(field, oldSpec.get(field).deepCopy());
            }
        }
        if (Trees.absent(spec, "tolerations")) {
            Trees.copy(oldSpec, spec, "tolerations");
        }
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        PodSpecValidation.validate(obj.path("spec"), "spec", errors);
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        PodUpdateRules.validate(obj.path("spec"), old.path("spec"), errors);
        return errors;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of(
                "spec.nodeName", pod -> pod.path("spec").path("nodeName").asText(""),
                "spec.restartPolicy", pod -> pod.path("spec").path("restartPolicy").asText(""),
                "spec.schedulerName", pod -> pod.path("spec").path("schedulerName").asText(""),
                "spec.serviceAccountName", pod -> pod.path("spec").path("serviceAccountName").asText(""),
                "spec.hostNetwork", pod -> String.valueOf(pod.path("spec").path("hostNetwork").asBoolean(false)),
                "status.phase", pod -> pod.path("status").path("phase").asText(""),
                "status.podIP", pod -> pod.path("status").path("podIP").asText(""),
                "status.nominatedNodeName", pod -> pod.path("status").path("nominatedNodeName").asText(""));
    }

    /** Pods not on a node, or already finished, go at once; others get the requested or their own grace period. */
    @Override
    public long gracePeriodSeconds(ObjectNode obj, Long requested) {
        String phase = obj.path("status").path("phase").asText("");
        if (Trees.text(obj.path("spec"), "nodeName") == null || phase.equals("Succeeded") || phase.equals("Failed")) {
            return 0;
        }
        if (requested != null) {
            return requested;
        }
        JsonNode own = obj.path("spec").get("terminationGracePeriodSeconds");
        if (own == null || own.isNull()) {
            return DEFAULT_GRACE_SECONDS;
        }
        return Math.max(own.asLong(), 1);
    }
}
