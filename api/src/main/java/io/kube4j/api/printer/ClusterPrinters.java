package io.kube4j.api.printer;

import static io.kube4j.api.printer.Formats.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Nodes, namespaces and other cluster-level kinds. */
final class ClusterPrinters {
    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    private static final String LEGACY_ROLE_LABEL = "kubernetes.io/role";

    private ClusterPrinters() {
    }

    static void addTo(Registry registry) {
        registry.add("", "Node", KindPrinter.of(ClusterPrinters::node,
                Column.NAME,
                Column.string("Status", "The status of the node."),
                Column.string("Roles", "The roles of the node."),
                Column.AGE,
                Column.string("Version", "Kubelet version reported by the node."),
                Column.string("Internal-IP", "First internal IP address of the node.").wide(),
                Column.string("External-IP", "First external IP address of the node.").wide(),
                Column.string("OS-Image", "Operating system image reported by the node.").wide(),
                Column.string("Kernel-Version", "Kernel version reported by the node.").wide(),
                Column.string("Container-Runtime", "Container runtime and its version.").wide()));
        registry.add("", "Namespace", KindPrinter.of(ClusterPrinters::namespace,
                Column.NAME,
                Column.string("Status", "The status of the namespace."),
                Column.AGE));
        registry.add("", "ResourceQuota", KindPrinter.of(ClusterPrinters::resourceQuota,
                Column.NAME,
                Column.string("Request", "Used and hard quota of requests and other resources."),
                Column.string("Limit", "Used and hard quota of limits."),
                Column.AGE));
        registry.add("coordination.k8s.io", "Lease", KindPrinter.of(ClusterPrinters::lease,
                Column.NAME,
                Column.string("Holder", "Identity of the current holder."),
                Column.AGE));
        registry.add("scheduling.k8s.io", "PriorityClass", KindPrinter.of(ClusterPrinters::priorityClass,
                Column.NAME,
                Column.integer("Value", "Priority of pods using this class."),
                Column.bool("Global-Default", "Whether pods without a class get this one."),
                Column.AGE,
                Column.string("PreemptionPolicy", "Whether pods of this class preempt lower-priority pods.").wide()));
        registry.add("node.k8s.io", "RuntimeClass", KindPrinter.of(ClusterPrinters::runtimeClass,
                Column.NAME,
                Column.string("Handler", "Container runtime handler of this class."),
                Column.AGE));
        TablePrinter webhooks = KindPrinter.of(ClusterPrinters::webhookConfiguration,
                Column.NAME,
                Column.integer("Webhooks", "Number of webhooks in this configuration."),
                Column.AGE);
        registry.add("admissionregistration.k8s.io", "MutatingWebhookConfiguration", webhooks);
        registry.add("admissionregistration.k8s.io", "ValidatingWebhookConfiguration", webhooks);
    }

    private static Object[] node(JsonNode node, Instant now) {
        String osImage = Json.textOr(Durations.UNKNOWN, node, "status", "nodeInfo", "osImage");
        String kernel = Json.textOr(Durations.UNKNOWN, node, "status", "nodeInfo", "kernelVersion");
        String runtime = Json.textOr(Durations.UNKNOWN, node, "status", "nodeInfo", "containerRuntimeVersion");
        return new Object[] {
            Json.name(node), nodeStatus(node), Formats.orNone(String.join(",", nodeRoles(node))),
            Durations.sinceCreation(node, now),
            Json.text(node, "status", "nodeInfo", "kubeletVersion"),
            nodeAddress(node, "InternalIP"), nodeAddress(node, "ExternalIP"), osImage, kernel, runtime
        };
    }

    /** {@code Ready}, {@code NotReady} or {@code Unknown}, plus {@code SchedulingDisabled} when cordoned. */
    private static String nodeStatus(JsonNode node) {
        List<String> status = new ArrayList<>();
        JsonNode ready = null;
        // The last Ready condition wins, as in upstream's condition map.
        for (JsonNode condition : Json.items(node, "status", "conditions")) {
            if ("Ready".equals(Json.text(condition, "type"))) {
                ready = condition;
            }
        }
        if (ready == null) {
            status.add("Unknown");
        } else {
            status.add("True".equals(Json.text(ready, "status")) ? "Ready" : "NotReady");
        }
        if (Json.bool(node, "spec", "unschedulable")) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    /** Roles from {@code node-role.kubernetes.io/<role>} label keys and the legacy {@code kubernetes.io/role} value. */
    private static TreeSet<String> nodeRoles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        Json.at(node, "metadata", "labels").fields().forEachRemaining(label -> {
            String key = label.getKey();
            if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
                roles.add(key.substring(ROLE_LABEL_PREFIX.length()));
            } else if (key.equals(LEGACY_ROLE_LABEL) && !label.getValue().asText().isEmpty()) {
                roles.add(label.getValue().asText());
            }
        });
        return roles;
    }

    private static String nodeAddress(JsonNode node, String type) {
        for (JsonNode address : Json.items(node, "status", "addresses")) {
            if (type.equals(Json.text(address, "type"))) {
                return Json.text(address, "address");
            }
        }
        return NONE;
    }

    private static Object[] namespace(JsonNode namespace, Instant now) {
        return new Object[] {
            Json.name(namespace), Json.text(namespace, "status", "phase"), Durations.sinceCreation(namespace, now)
        };
    }

    /** {@code resource: used/hard} per hard-limited resource, sorted; {@code limits.*} go to the Limit column. */
    private static Object[] resourceQuota(JsonNode quota, Instant now) {
        Map<String, String> hard = new TreeMap<>();
        Json.at(quota, "status", "hard").fields().forEachRemaining(e -> hard.put(e.getKey(), e.getValue().asText()));
        List<String> requests = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        hard.forEach((resource, limit) -> {
            String used = Json.textOr("0", quota, "status", "used", resource);
            String entry = resource + ": " + used + "/" + limit;
            (resource.startsWith("limits.") ? limits : requests).add(entry);
        });
        return new Object[] {
            Json.name(quota), String.join(", ", requests), String.join(", ", limits), Durations.sinceCreation(quota, now)
        };
    }

    private static Object[] lease(JsonNode lease, Instant now) {
        return new Object[] {
            Json.name(lease), Json.text(lease, "spec", "holderIdentity"), Durations.sinceCreation(lease, now)
        };
    }

    private static Object[] priorityClass(JsonNode priorityClass, Instant now) {
        return new Object[] {
            Json.name(priorityClass),
            Json.number(priorityClass, "value"),
            Json.bool(priorityClass, "globalDefault"),
            Durations.sinceCreation(priorityClass, now),
            Json.text(priorityClass, "preemptionPolicy")
        };
    }

    private static Object[] runtimeClass(JsonNode runtimeClass, Instant now) {
        return new Object[] {
            Json.name(runtimeClass), Json.text(runtimeClass, "handler"), Durations.sinceCreation(runtimeClass, now)
        };
    }

    private static Object[] webhookConfiguration(JsonNode configuration, Instant now) {
        return new Object[] {
            Json.name(configuration), (long) Json.size(configuration, "webhooks"),
            Durations.sinceCreation(configuration, now)
        };
    }
}
