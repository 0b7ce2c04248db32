package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A pod's quality-of-service class, computed from its containers' cpu and memory as upstream does. */
final class QosClass {
    private static final Set<String> COMPUTE = Set.of("cpu", "memory");

    private QosClass() {
    }

    /** Guaranteed, Burstable or BestEffort for a defaulted pod spec (requests already copied from limits). */
    static String of(JsonNode spec) {
        Map<String, BigDecimal> requests = new HashMap<>();
        Map<String, BigDecimal> limits = new HashMap<>();
        boolean guaranteed = true;
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : Trees.objects(spec, list)) {
                addPositive(c.path("resources").path("requests"), requests);
                Set<String> limited = addPositive(c.path("resources").path("limits"), limits);
                guaranteed &= limited.containsAll(COMPUTE);
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
            BigDecimal limit = limits.get(e.getKey());
            guaranteed &= limit != null && limit.compareTo(e.getValue()) == 0;
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    /** Adds the positive cpu/memory quantities of {@code list} into {@code sums}; returns their names. */
    private static Set<String> addPositive(JsonNode list, Map<String, BigDecimal> sums) {
        Set<String> found = new HashSet<>();
        list.properties().forEach(e -> {
            if (COMPUTE.contains(e.getKey()) && Quantity.isValid(e.getValue().asText())) {
                BigDecimal value = Quantity.parse(e.getValue().asText());
                if (value.signum() > 0) {
                    found.add(e.getKey());
                    sums.merge(e.getKey(), value, BigDecimal::add);
                }
            }
        });
        return found;
    }
}
