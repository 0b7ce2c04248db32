package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Upstream's defaulting of a {@code PodSpec} (core/v1 defaults.go). Pod templates get the spec,
 * container, port, probe and volume defaults; pods get a few more ({@link #applyPod}).
 */
final class PodSpecDefaults {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final int DEFAULT_FILE_MODE = 0644;

    private PodSpecDefaults() {
    }

    /** The defaults of a pod template's spec. */
    static void applyTemplate(ObjectNode spec) {
        Trees.putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        Trees.putIfAbsent(spec, "restartPolicy", "Always");
        Trees.object(spec, "securityContext");
        Trees.putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        Trees.putIfAbsent(spec, "schedulerName", "default-scheduler");
        for (String list : CONTAINER_LISTS) {
            Trees.objects(spec, list).forEach(PodSpecDefaults::container);
        }
        Trees.objects(spec, "volumes").forEach(PodSpecDefaults::volume);
    }

    /** The defaults of a pod's spec: the template ones plus those upstream applies to pods only. */
    static void applyPod(ObjectNode spec) {
        applyTemplate(spec);
        for (String list : List.of("containers", "initContainers")) {
            Trees.objects(spec, list).forEach(c -> requestsFromLimits(Trees.object(c, "resources")));
        }
        Trees.putIfAbsent(spec, "enableServiceLinks", true);
        if (spec.path("hostNetwork").asBoolean(false)) {
            for (String list : List.of("containers", "initContainers")) {
                for (ObjectNode c : Trees.objects(spec, list)) {
                    Trees.objects(c, "ports").forEach(p -> {
                        if (p.path("hostPort").asLong(0) == 0 && p.has("containerPort")) {
                            p.set("hostPort", p.get("containerPort"));
                        }
                    });
                }
            }
        }
    }

    /** Always for a {@code :latest} or untagged image, IfNotPresent otherwise (a digest counts as a tag). */
    static String pullPolicyFor(String image) {
        String name = image == null ? "" : image;
        boolean hasDigest = name.contains("@");
        if (hasDigest) {
            name = name.substring(0, name.indexOf('@'));
        }
        String lastSegment = name.substring(name.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        String tag = colon >= 0 ? lastSegment.substring(colon + 1) : hasDigest ? "" : "latest";
        return tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    private static void container(ObjectNode c) {
        Trees.putIfAbsent(c, "imagePullPolicy", pullPolicyFor(Trees.text(c, "image")));
        Trees.putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
        Trees.putIfAbsent(c, "terminationMessagePolicy", "File");
        Trees.object(c, "resources");
        Trees.objects(c, "ports").forEach(p -> Trees.putIfAbsent(p, "protocol", "TCP"));
        for (String probe : PROBES) {
            ObjectNode p = Trees.objectOrNull(c, probe);
            if (p != null) {
                probe(p);
            }
        }
        for (ObjectNode env : Trees.objects(c, "env")) {
            ObjectNode fieldRef = Trees.objectOrNull(env.path("valueFrom"), "fieldRef");
            if (fieldRef != null) {
                Trees.putIfAbsent(fieldRef, "apiVersion", "v1");
            }
        }
    }

    private static void probe(ObjectNode probe) {
        defaultPositive(probe, "timeoutSeconds", 1);
        defaultPositive(probe, "periodSeconds", 10);
        defaultPositive(probe, "successThreshold", 1);
        defaultPositive(probe, "failureThreshold", 3);
        ObjectNode httpGet = Trees.objectOrNull(probe, "httpGet");
        if (httpGet != null) {
            Trees.putIfAbsent(httpGet, "path", "/");
            Trees.putIfAbsent(httpGet, "scheme", "HTTP");
        }
    }

    /** Upstream defaults these when zero, which is also what an absent int decodes to. */
    private static void defaultPositive(ObjectNode node, String field, int value) {
        if (node.path(field).asLong(0) == 0) {
            node.put(field, value);
        }
    }

    private static void volume(ObjectNode volume) {
        boolean hasSource = false;
        for (Map.Entry<String, JsonNode> e : volume.properties()) {
            hasSource |= !e.getKey().equals("name") && !e.getValue().isNull();
        }
        if (!hasSource) {
            volume.putObject("emptyDir");
        }
        for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
            ObjectNode s = Trees.objectOrNull(volume, source);
            if (s != null) {
                Trees.putIfAbsent(s, "defaultMode", DEFAULT_FILE_MODE);
            }
        }
        ObjectNode hostPath = Trees.objectOrNull(volume, "hostPath");
        if (hostPath != null) {
            Trees.putIfAbsent(hostPath, "type", "");
        }
        ObjectNode projected = Trees.objectOrNull(volume, "projected");
        if (projected != null) {
            for (ObjectNode source : Trees.objects(projected, "sources")) {
                ObjectNode token = Trees.objectOrNull(source, "serviceAccountToken");
                if (token != null) {
                    Trees.putIfAbsent(token, "expirationSeconds", 3600);
                }
            }
        }
        for (ObjectNode item : Trees.objects(volume.path("downwardAPI"), "items")) {
            ObjectNode fieldRef = Trees.objectOrNull(item, "fieldRef");
            if (fieldRef != null) {
                Trees.putIfAbsent(fieldRef, "apiVersion", "v1");
            }
        }
    }

    /** A limit without a request makes the request equal to the limit. */
    private static void requestsFromLimits(ObjectNode resources) {
        ObjectNode limits = Trees.objectOrNull(resources, "limits");
        if (limits == null || limits.isEmpty()) {
            return;
        }
        ObjectNode requests = Trees.object(resources, "requests");
        limits.properties().forEach(e -> {
            if (!requests.has(e.getKey())) {
                requests.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }
}
