package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.FieldError;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Upstream's validation of a {@code PodSpec}, used for pods and for every workload's pod template. */
final class PodSpecValidation {
    static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None");
    private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> MESSAGE_POLICIES = List.of("FallbackToLogsOnError", "File");
    private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists");
    private static final List<String> TAINT_EFFECTS = List.of("NoExecute", "NoSchedule", "PreferNoSchedule");

    private PodSpecValidation() {
    }

    static void validate(JsonNode spec, String path, List<FieldError> errors) {
        Set<String> containerNames = new HashSet<>();
        if (Trees.objects(spec, "containers").isEmpty()) {
            errors.add(FieldError.required(path + ".containers", ""));
        }
        containers(spec, "initContainers", path, containerNames, errors);
        containers(spec, "containers", path, containerNames, errors);
        volumes(spec, path, errors);
        Checks.oneOf(spec, "restartPolicy", path + ".restartPolicy", RESTART_POLICIES, true, errors);
        Checks.oneOf(spec, "dnsPolicy", path + ".dnsPolicy", DNS_POLICIES, true, errors);
        JsonNode deadline = spec.get("activeDeadlineSeconds");
        if (deadline != null && deadline.isNumber() && (deadline.asLong() < 1 || deadline.asLong() > Integer.MAX_VALUE)) {
            errors.add(FieldError.invalid(path + ".activeDeadlineSeconds", deadline.asLong(),
                    "must be between 1 and 2147483647, inclusive"));
        }
        tolerations(spec, path + ".tolerations", errors);
    }

    private static void containers(JsonNode spec, String list, String specPath, Set<String> names, List<FieldError> errors) {
        List<? extends JsonNode> containers = Trees.objects(spec, list);
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            String path = specPath + "." + list + "[" + i + "]";
            String name = Trees.text(c, "name");
            if (name == null) {
                errors.add(FieldError.required(path + ".name", ""));
            } else {
                Checks.dnsLabel(name, path + ".name", errors);
                if (!names.add(name)) {
                    errors.add(FieldError.duplicate(path + ".name", name));
                }
            }
            if (Trees.text(c, "image") == null) {
                errors.add(FieldError.required(path + ".image", ""));
            }
            Checks.oneOf(c, "imagePullPolicy", path + ".imagePullPolicy", PULL_POLICIES, true, errors);
            Checks.oneOf(c, "terminationMessagePolicy", path + ".terminationMessagePolicy", MESSAGE_POLICIES, true, errors);
            ports(c, path + ".ports", errors);
            List<? extends JsonNode> env = Trees.objects(c, "env");
            for (int j = 0; j < env.size(); j++) {
                Checks.required(env.get(j), "name", path + ".env[" + j + "].name", errors);
            }
            resources(c.path("resources"), path + ".resources", errors);
        }
    }

    private static void ports(JsonNode container, String path, List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        List<? extends JsonNode> ports = Trees.objects(container, "ports");
        for (int i = 0; i < ports.size(); i++) {
            JsonNode p = ports.get(i);
            String at = path + "[" + i + "]";
            String name = Trees.text(p, "name");
            if (name != null) {
                Checks.ianaServiceName(name, at + ".name", errors);
                if (!names.add(name)) {
                    errors.add(FieldError.duplicate(at + ".name", name));
                }
            }
            if (p.path("containerPort").asLong(0) == 0) {
                errors.add(FieldError.required(at + ".containerPort", ""));
            } else {
                Checks.portNumber(p.path("containerPort").asLong(), at + ".containerPort", errors);
            }
            if (p.path("hostPort").asLong(0) != 0) {
                Checks.portNumber(p.path("hostPort").asLong(), at + ".hostPort", errors);
            }
            Checks.oneOf(p, "protocol", at + ".protocol", PROTOCOLS, true, errors);
        }
    }

    /** Quantities must parse and be non-negative, and no request may exceed its limit. */
    private static void resources(JsonNode resources, String path, List<FieldError> errors) {
        Map<String, BigDecimal> limits = quantities(resources.path("limits"), path + ".limits", errors);
        Map<String, BigDecimal> requests = quantities(resources.path("requests"), path + ".requests", errors);
        requests.forEach((resource, request) -> {
            BigDecimal limit = limits.get(resource);
            if (limit != null && request.compareTo(limit) > 0) {
                errors.add(FieldError.invalid(path + ".requests[" + resource + "]",
                        resources.path("requests").path(resource).asText(),
                        "must be less than or equal to " + resource + " limit of " + resources.path("limits").path(resource).asText()));
            }
        });
    }

    private static Map<String, BigDecimal> quantities(JsonNode list, String path, List<FieldError> errors) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        list.properties().forEach(e -> {
            String at = path + "[" + e.getKey() + "]";
            try {
                BigDecimal value = Quantity.parse(e.getValue().asText());
                if (value.signum() < 0) {
                    errors.add(FieldError.invalid(at, e.getValue().asText(), "must be greater than or equal to 0"));
                }
                result.put(e.getKey(), value);
            } catch (IllegalArgumentException ex) {
                errors.add(FieldError.invalid(at, e.getValue().asText(), ex.getMessage()));
            }
        });
        return result;
    }

    private static void volumes(JsonNode spec, String specPath, List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        List<? extends JsonNode> volumes = Trees.objects(spec, "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            String path = specPath + ".volumes[" + i + "].name";
            String name = Trees.text(volumes.get(i), "name");
            if (name == null) {
                errors.add(FieldError.required(path, ""));
            } else {
                Checks.dnsLabel(name, path, errors);
                if (!names.add(name)) {
                    errors.add(FieldError.duplicate(path, name));
                }
            }
        }
    }

    private static void tolerations(JsonNode spec, String path, List<FieldError> errors) {
        List<? extends JsonNode> tolerations = Trees.objects(spec, "tolerations");
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            String at = path + "[" + i + "]";
            Checks.oneOf(t, "operator", at + ".operator", TOLERATION_OPERATORS, false, errors);
            Checks.oneOf(t, "effect", at + ".effect", TAINT_EFFECTS, false, errors);
            if ("Exists".equals(Trees.text(t, "operator")) && Trees.text(t, "value") != null) {
                errors.add(FieldError.invalid(at + ".operator", "Exists", "value must be empty when `operator` is 'Exists'"));
            }
            if (Trees.text(t, "key") == null && !"Exists".equals(Trees.text(t, "operator"))) {
                errors.add(FieldError.invalid(at + ".operator", t.path("operator").asText(),
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            String effect = Trees.text(t, "effect");
            if (!Trees.absent(t, "tolerationSeconds") && effect != null && !effect.equals("NoExecute")) {
                errors.add(FieldError.invalid(at + ".effect", effect,
                        "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
        }
    }
}
