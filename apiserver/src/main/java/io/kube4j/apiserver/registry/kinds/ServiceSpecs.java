package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a service's type implies, and upstream's defaults of a ServiceSpec. */
final class ServiceSpecs {
    static final String CLUSTER_IP = "ClusterIP";
    static final String NODE_PORT = "NodePort";
    static final String LOAD_BALANCER = "LoadBalancer";
    static final String EXTERNAL_NAME = "ExternalName";
    private static final int DEFAULT_CLIENT_IP_TIMEOUT = 10800;

    private ServiceSpecs() {
    }

    static String type(JsonNode spec) {
        String type = Trees.text(spec, "type");
        return type == null ? CLUSTER_IP : type;
    }

    static boolean needsClusterIP(JsonNode spec) {
        return !type(spec).equals(EXTERNAL_NAME);
    }

    static boolean needsNodePorts(JsonNode spec) {
        String type = type(spec);
        return type.equals(NODE_PORT) || type.equals(LOAD_BALANCER) && spec.path("allocateLoadBalancerNodePorts").asBoolean(true);
    }

    static boolean externallyAccessible(JsonNode spec) {
        String type = type(spec);
        return type.equals(NODE_PORT) || type.equals(LOAD_BALANCER) || !Trees.strings(spec, "externalIPs").isEmpty();
    }

    static boolean isHeadless(JsonNode spec) {
        return ServiceAllocator.HEADLESS.equals(Trees.text(spec, "clusterIP"));
    }

    static void applyDefaults(ObjectNode spec) {
        Trees.putIfAbsent(spec, "type", CLUSTER_IP);
        Trees.putIfAbsent(spec, "sessionAffinity", "None");
        if (spec.get("sessionAffinity").asText().equals("None")) {
            spec.remove("sessionAffinityConfig");
        } else if (spec.get("sessionAffinity").asText().equals("ClientIP")) {
            ObjectNode clientIP = Trees.object(Trees.object(spec, "sessionAffinityConfig"), "clientIP");
            Trees.putIfAbsent(clientIP, "timeoutSeconds", DEFAULT_CLIENT_IP_TIMEOUT);
        }
        for (ObjectNode port : Trees.objects(spec, "ports")) {
            Trees.putIfAbsent(port, "protocol", "TCP");
            JsonNode target = port.get("targetPort");
            if (target == null || target.isNull() || target.isNumber() && target.asInt() == 0 || target.asText().isEmpty()) {
                port.set("targetPort", port.get("port"));
            }
        }
        String type = type(spec);
        if (externallyAccessible(spec)) {
            Trees.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
        }
        if (!type.equals(EXTERNAL_NAME)) {
            Trees.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
            Trees.putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
            if (Trees.strings(spec, "ipFamilies").isEmpty()) {
                spec.putArray("ipFamilies").add("IPv4");
            }
        }
        if (type.equals(LOAD_BALANCER)) {
            Trees.putIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
        }
        syncClusterIPs(spec);
    }

    /** clusterIP and clusterIPs[0] say the same thing; whichever is given fills in the other. */
    private static void syncClusterIPs(ObjectNode spec) {
        String clusterIP = Trees.text(spec, "clusterIP");
        List<String> clusterIPs = Trees.strings(spec, "clusterIPs");
        if (clusterIP != null && clusterIPs.isEmpty()) {
            spec.putArray("clusterIPs").add(clusterIP);
        } else if (clusterIP == null && !clusterIPs.isEmpty()) {
            spec.put("clusterIP", clusterIPs.get(0));
        }
    }
}
