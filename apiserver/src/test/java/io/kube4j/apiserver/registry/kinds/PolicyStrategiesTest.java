package io.kube4j.apiserver.registry.kinds;

import static io.kube4j.apiserver.registry.kinds.Objects.named;
import static io.kube4j.apiserver.registry.kinds.Objects.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyStrategiesTest {

    @Test
    void roleBindingsDefaultTheGroupAndKeepTheirRoleRef() {
        Strategy strategy = BuiltinStrategies.forKind("rbac.authorization.k8s.io", "RoleBinding", null);
        assertEquals(NameRule.PATH_SEGMENT, strategy.nameRule());
        ObjectNode binding = named("b", "{'roleRef': {'kind': 'Role', 'name': 'reader'}, 'subjects': [{'kind': 'User', 'name': 'jane'}]}");
        strategy.prepareForCreate(binding);
        assertEquals("rbac.authorization.k8s.io", binding.at("/roleRef/apiGroup").asText());
        assertEquals("rbac.authorization.k8s.io", binding.at("/subjects/0/apiGroup").asText());
        assertEquals(List.of(), strategy.validate(binding));

        ObjectNode changed = binding.deepCopy();
        ((ObjectNode) changed.get("roleRef")).put("name", "admin");
        assertEquals(List.of("roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"Role\", "
                + "Name:\"admin\"}: cannot change roleRef"), texts(strategy.validateUpdate(changed, binding)));
    }

    @Test
    void clusterRoleBindingsNeedClusterRolesAndNamespacedServiceAccounts() {
        Strategy strategy = BuiltinStrategies.forKind("rbac.authorization.k8s.io", "ClusterRoleBinding", null);
        ObjectNode binding = named("b", "{'roleRef': {'kind': 'Role', 'name': 'r'}, 'subjects': [{'kind': 'ServiceAccount', 'name': 'sa'}]}");
        strategy.prepareForCreate(binding);
        assertEquals(List.of("roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
                "subjects[0].namespace: Required value"), texts(strategy.validate(binding)));
    }

    @Test
    void rolesNeedVerbsAndGroups() {
        Strategy strategy = BuiltinStrategies.forKind("rbac.authorization.k8s.io", "Role", null);
        ObjectNode role = named("system:r", "{'rules': [{'resources': ['pods']}]}");
        assertEquals(List.of("rules[0].verbs: Required value: verbs must contain at least one value",
                "rules[0].apiGroups: Required value: resource rules must supply at least one api group"),
                texts(strategy.validate(role)));
    }

    @Test
    void priorityClassValues() {
        Strategy strategy = BuiltinStrategies.forKind("scheduling.k8s.io", "PriorityClass", null);
        ObjectNode missing = named("high", "{}");
        strategy.prepareForCreate(missing);
        assertEquals("PreemptLowerPriority", missing.get("preemptionPolicy").asText());
        assertEquals(List.of("value: Required value"), texts(strategy.validate(missing)));
        ObjectNode tooHigh = named("high", "{'value': 2000000000}");
        strategy.prepareForCreate(tooHigh);
        assertEquals(List.of("value: Forbidden: maximum allowed value of a user defined priority is 1000000000"),
                texts(strategy.validate(tooHigh)));
        ObjectNode ok = named("high", "{'value': 1000}");
        strategy.prepareForCreate(ok);
        ObjectNode changed = ok.deepCopy().put("value", 2000);
        assertEquals(List.of("value: Forbidden: may not be changed in an update."), texts(strategy.validateUpdate(changed, ok)));
    }

    @Test
    void disruptionBudgetsTakeOneBound() {
        Strategy strategy = BuiltinStrategies.forKind("policy", "PodDisruptionBudget", null);
        ObjectNode both = named("pdb", "{'spec': {'minAvailable': 1, 'maxUnavailable': '120%'}}");
        List<String> errors = texts(strategy.validate(both));
        assertEquals(2, errors.size());
        assertEquals(true, errors.get(0).startsWith("spec: Invalid value: ") && errors.get(0).endsWith(
                ": minAvailable and maxUnavailable cannot be both set"), errors.get(0));
        assertEquals("spec.maxUnavailable: Invalid value: \"120%\": must not be greater than 100%", errors.get(1));
        assertEquals(List.of(), strategy.validate(named("pdb", "{'spec': {'minAvailable': '50%', 'selector': {'matchLabels': {'a': 'b'}}}}")));
    }

    @Test
    void quantitiesCompareExactly() {
        assertEquals(0, Quantity.parse("500m").compareTo(Quantity.parse("0.5")));
        assertEquals(0, Quantity.parse("1Gi").compareTo(Quantity.parse("1073741824")));
        assertEquals(0, Quantity.parse("1e3").compareTo(Quantity.parse("1k")));
        assertEquals(false, Quantity.isValid("1 Gi"));
        assertEquals(false, Quantity.isValid("abc"));
    }
}
