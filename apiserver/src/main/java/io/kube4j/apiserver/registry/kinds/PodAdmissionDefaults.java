package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What upstream's default admission plugins add to a new pod: the ServiceAccount plugin's service
 * account, the Priority plugin's priority, and DefaultTolerationSeconds' tolerations for nodes that
 * are not ready or unreachable (NoExecute after 300s).
 */
final class PodAdmissionDefaults {
    private static final List<String> NODE_PROBLEM_TAINTS =
            List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");
    private static final int DEFAULT_TOLERATION_SECONDS = 300;

    private PodAdmissionDefaults() {
    }

    static void apply(ObjectNode spec) {
        String account = Trees.text(spec, "serviceAccountName");
        if (account == null) {
            account = Trees.text(spec, "serviceAccount");
        }
        spec.put("serviceAccountName", account == null ? "default" : account);
        spec.put("serviceAccount", spec.get("serviceAccountName").asText());
        Trees.putIfAbsent(spec, "priority", 0);
        Trees.putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
        for (String taint : NODE_PROBLEM_TAINTS) {
            if (!tolerates(spec, taint)) {
                Trees.array(spec, "tolerations").addObject()
                        .put("key", taint).put("operator", "Exists").put("effect", "NoExecute")
                        .put("tolerationSeconds", DEFAULT_TOLERATION_SECONDS);
            }
        }
    }

    /** Whether some toleration already covers {@code taintKey} with effect NoExecute. */
    private static boolean tolerates(JsonNode spec, String taintKey) {
        for (JsonNode t : Trees.objects(spec, "tolerations")) {
            String key = Trees.text(t, "key");
            String effect = Trees.text(t, "effect");
            if ((key == null || key.equals(taintKey)) && (effect == null || effect.equals("NoExecute"))) {
                return true;
            }
        }
        return false;
    }
}
