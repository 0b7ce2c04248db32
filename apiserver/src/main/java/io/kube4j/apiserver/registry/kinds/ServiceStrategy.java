package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Services: spec defaults, a cluster IP and node ports from the {@link ServiceAllocator} (only for
 * a service that is otherwise valid), and on update the allocated values kept when a client omits
 * them, as kubectl apply does.
 */
final class ServiceStrategy implements Strategy {
    private static final ResourceType SERVICE = ResourceType.builder("v1", "Service", "services").build();
    private final ServiceAllocator allocator;

    ServiceStrategy(ServiceAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public void prepareForCreate(ObjectNode obj) {
        ObjectNode spec = Trees.object(obj, "spec");
        ServiceSpecs.applyDefaults(spec);
        Trees.object(Trees.object(obj, "status"), "loadBalancer");
        if (validate(obj).isEmpty()) {
            allocate(obj, spec, null);
        }
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        ObjectNode spec = Trees.object(obj, "spec");
        JsonNode oldSpec = old.path("spec");
        ServiceSpecs.applyDefaults(spec);
        keepAllocatedValues(spec, oldSpec);
        dropTypeDependentFields(spec, oldSpec);
        if (validateUpdate(obj, old).isEmpty()) {
            allocate(obj, spec, oldSpec);
        }
    }

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1035;
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        ServiceValidation.validate(obj.path("spec"), errors);
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        JsonNode spec = obj.path("spec");
        String oldIP = Trees.text(old.path("spec"), "clusterIP");
        if (oldIP != null && ServiceSpecs.needsClusterIP(spec) && !oldIP.equals(Trees.text(spec, "clusterIP"))) {
            errors.add(FieldError.invalid("spec.clusterIPs[0]", GoSyntax.stringSlice(Trees.strings(spec, "clusterIPs")),
                    "may not change once set"));
        }
        return errors;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of(
                "spec.clusterIP", svc -> svc.path("spec").path("clusterIP").asText(""),
                "spec.type", svc -> svc.path("spec").path("type").asText(""));
    }

    /**
     * Allocates what the spec needs and {@code oldSpec} (null on create) did not have; a requested
     * value that cannot be had makes the write invalid.
     */
    private void allocate(ObjectNode obj, ObjectNode spec, JsonNode oldSpec) {
        List<FieldError> errors = new ArrayList<>();
        boolean hadIP = oldSpec != null && Trees.text(oldSpec, "clusterIP") != null;
        if (ServiceSpecs.needsClusterIP(spec) && !hadIP) {
            String requested = Trees.text(spec, "clusterIP");
            try {
                String ip = allocator.allocateClusterIP(requested);
                spec.put("clusterIP", ip);
                spec.putArray("clusterIPs").add(ip);
            } catch (AllocationException e) {
                errors.add(FieldError.invalid("spec.clusterIPs", GoSyntax.stringSlice(Trees.strings(spec, "clusterIPs")), e.getMessage()));
            }
        }
        if (ServiceSpecs.needsNodePorts(spec)) {
            Set<Integer> oldPorts = oldSpec == null ? Set.of() : nodePorts(oldSpec);
            List<ObjectNode> ports = Trees.objects(spec, "ports");
            for (int i = 0; i < ports.size(); i++) {
                int requested = ports.get(i).path("nodePort").asInt(0);
                if (requested != 0 && oldPorts.contains(requested)) {
                    continue;
                }
                try {
                    ports.get(i).put("nodePort", allocator.allocateNodePort(requested));
                } catch (AllocationException e) {
                    errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", requested, e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(SERVICE, Meta.name(obj), errors);
        }
    }

    /** A client that omits the cluster IP or a port's node port keeps the allocated one. */
    private static void keepAllocatedValues(ObjectNode spec, JsonNode oldSpec) {
        if (ServiceSpecs.needsClusterIP(oldSpec) && ServiceSpecs.needsClusterIP(spec) && Trees.text(spec, "clusterIP") == null) {
            Trees.copy(oldSpec, spec, "clusterIP");
            Trees.copy(oldSpec, spec, "clusterIPs");
        }
        if (ServiceSpecs.needsNodePorts(oldSpec) && ServiceSpecs.needsNodePorts(spec)) {
            Set<Integer> inUse = new HashSet<>(nodePorts(oldSpec));
            inUse.retainAll(nodePorts(spec));
            Map<String, Integer> byName = new HashMap<>();
            Trees.objects(oldSpec, "ports").forEach(p -> byName.put(p.path("name").asText(""), p.path("nodePort").asInt(0)));
            for (ObjectNode port : Trees.objects(spec, "ports")) {
                Integer old = byName.get(port.path("name").asText(""));
                if (port.path("nodePort").asInt(0) == 0 && old != null && old != 0 && !inUse.contains(old)) {
                    port.put("nodePort", old);
                }
            }
        }
    }

    /** A type change drops what only the old type had, unless the client changed it too. */
    private static void dropTypeDependentFields(ObjectNode spec, JsonNode oldSpec) {
        if (ServiceSpecs.needsClusterIP(oldSpec) && !ServiceSpecs.needsClusterIP(spec)
                && Trees.sameTree(spec.get("clusterIPs"), oldSpec.get("clusterIPs"))) {
            for (String field : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
                spec.remove(field);
            }
        }
        if (ServiceSpecs.needsNodePorts(oldSpec) && !ServiceSpecs.needsNodePorts(spec)) {
            Set<Integer> old = nodePorts(oldSpec);
            Trees.objects(spec, "ports").forEach(p -> {
                if (old.contains(p.path("nodePort").asInt(0))) {
                    p.remove("nodePort");
                }
            });
        }
        if (ServiceSpecs.externallyAccessible(oldSpec) && !ServiceSpecs.externallyAccessible(spec)
                && Trees.sameTree(spec.get("externalTrafficPolicy"), oldSpec.get("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
        if (!ServiceSpecs.type(spec).equals(ServiceSpecs.LOAD_BALANCER)) {
            spec.remove("allocateLoadBalancerNodePorts");
        }
    }

    private static Set<Integer> nodePorts(JsonNode spec) {
        Set<Integer> ports = new HashSet<>();
        Trees.objects(spec, "ports").forEach(p -> ports.add(p.path("nodePort").asInt(0)));
        ports.remove(0);
        return ports;
    }
}
