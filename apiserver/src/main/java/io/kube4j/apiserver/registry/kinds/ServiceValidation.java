package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.LabelRules;
import io.kube4j.apiserver.registry.NameRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Upstream's validation of a ServiceSpec (allocation problems are reported by the allocator). */
final class ServiceValidation {
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
    private static final String BAD_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    private ServiceValidation() {
    }

    static void validate(JsonNode spec, List<FieldError> errors) {
        Checks.oneOf(spec, "type", "spec.type", TYPES, true, errors);
        String type = ServiceSpecs.type(spec);
        List<? extends JsonNode> ports = Trees.objects(spec, "ports");
        if (ports.isEmpty() && !ServiceSpecs.isHeadless(spec) && !type.equals(ServiceSpecs.EXTERNAL_NAME)) {
            errors.add(FieldError.required("spec.ports", ""));
        }
        Set<String> names = new HashSet<>();
        Set<String> nodePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            port(ports.get(i), "spec.ports[" + i + "]", ports.size() > 1, type, names, nodePorts, errors);
        }
        Checks.oneOf(spec, "sessionAffinity", "spec.sessionAffinity", AFFINITIES, true, errors);
        Checks.oneOf(spec, "externalTrafficPolicy", "spec.externalTrafficPolicy", TRAFFIC_POLICIES, false, errors);
        Checks.oneOf(spec, "internalTrafficPolicy", "spec.internalTrafficPolicy", TRAFFIC_POLICIES, false, errors);
        LabelRules.checkLabels(spec.get("selector"), "spec.selector", errors);
        clusterIP(spec, type, errors);
        if (type.equals(ServiceSpecs.EXTERNAL_NAME)) {
            String name = Trees.text(spec, "externalName");
            if (name == null) {
                errors.add(FieldError.required("spec.externalName", ""));
            } else {
                String cname = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                NameRule.SUBDOMAIN.check(cname).forEach(p -> errors.add(FieldError.invalid("spec.externalName", name, p)));
            }
        }
    }

    private static void port(JsonNode port, String path, boolean nameRequired, String type, Set<String> names,
                             Set<String> nodePorts, List<FieldError> errors) {
        String name = Trees.text(port, "name");
        if (name == null) {
            if (nameRequired) {
                errors.add(FieldError.required(path + ".name", ""));
            }
        } else {
            Checks.dnsLabel(name, path + ".name", errors);
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(path + ".name", name));
            }
        }
        Checks.portNumber(port.path("port").asLong(0), path + ".port", errors);
        Checks.oneOf(port, "protocol", path + ".protocol", PROTOCOLS, true, errors);
        JsonNode target = port.get("targetPort");
        if (target != null && target.isNumber()) {
            Checks.portNumber(target.asLong(), path + ".targetPort", errors);
        } else if (target != null && target.isTextual()) {
            Checks.ianaServiceName(target.asText(), path + ".targetPort", errors);
        }
        long nodePort = port.path("nodePort").asLong(0);
        if (nodePort != 0) {
            if (type.equals(ServiceSpecs.CLUSTER_IP)) {
                errors.add(FieldError.forbidden(path + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
            } else if (!nodePorts.add(nodePort + "/" + port.path("protocol").asText("TCP"))) {
                errors.add(FieldError.duplicate(path + ".nodePort", nodePort));
            }
        }
    }

    private static void clusterIP(JsonNode spec, String type, List<FieldError> errors) {
        String clusterIP = Trees.text(spec, "clusterIP");
        if (clusterIP == null) {
            return;
        }
        if (type.equals(ServiceSpecs.EXTERNAL_NAME)) {
            errors.add(FieldError.forbidden("spec.clusterIP", "may not be set for ExternalName services"));
        } else if (clusterIP.equals(ServiceAllocator.HEADLESS)) {
            if (type.equals(ServiceSpecs.NODE_PORT) || type.equals(ServiceSpecs.LOAD_BALANCER)) {
                errors.add(FieldError.invalid("spec.clusterIP", clusterIP, "may not be set to 'None' for " + type + " services"));
            }
        } else if (!isIp(clusterIP)) {
            errors.add(FieldError.invalid("spec.clusterIPs[0]", clusterIP, BAD_IP));
        }
        List<String> clusterIPs = Trees.strings(spec, "clusterIPs");
        if (!clusterIPs.isEmpty() && !clusterIPs.get(0).equals(clusterIP)) {
            errors.add(FieldError.invalid("spec.clusterIPs", GoSyntax.stringSlice(clusterIPs),
                    "element [0] must match clusterIP"));
        }
    }

    /** A literal IPv4 or IPv6 address (never resolved as a host name). */
    private static boolean isIp(String text) {
        if (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
                    return false;
                }
            }
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
