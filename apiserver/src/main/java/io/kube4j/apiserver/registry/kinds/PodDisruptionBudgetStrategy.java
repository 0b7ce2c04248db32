package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/** PodDisruptionBudgets: either minAvailable or maxUnavailable, each a count or a percentage. */
final class PodDisruptionBudgetStrategy implements Strategy {
    private static final List<String> UNHEALTHY_POD_POLICIES = List.of("AlwaysAllow", "IfHealthyBudget");

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode spec = obj.path("spec");
        if (!Trees.absent(spec, "minAvailable") && !Trees.absent(spec, "maxUnavailable")) {
            errors.add(FieldError.invalid("spec", new GoSyntax(spec.toString()), "minAvailable and maxUnavailable cannot be both set"));
        }
        Checks.intOrPercent(spec.get("minAvailable"), "spec.minAvailable", errors);
        Checks.intOrPercent(spec.get("maxUnavailable"), "spec.maxUnavailable", errors);
        if (spec.get("selector") instanceof ObjectNode selector) {
            SelectorValidation.validate(selector, "spec.selector", errors);
        }
        Checks.oneOf(spec, "unhealthyPodEvictionPolicy", "spec.unhealthyPodEvictionPolicy", UNHEALTHY_POD_POLICIES, false, errors);
        return errors;
    }
}
