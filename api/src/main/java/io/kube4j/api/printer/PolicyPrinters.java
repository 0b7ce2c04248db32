package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Disruption budgets, autoscalers and RBAC bindings. */
final class PolicyPrinters {
    private static final String NOT_APPLICABLE = "N/A";

    private PolicyPrinters() {
    }

    static void addTo(Registry registry) {
        registry.add("policy", "PodDisruptionBudget", KindPrinter.of(PolicyPrinters::podDisruptionBudget,
                Column.NAME,
                Column.string("Min Available", "The minimum number of pods that must be available."),
                Column.string("Max Unavailable", "The maximum number of pods that may be unavailable."),
                Column.integer("Allowed Disruptions", "Number of pods that may be disrupted now."),
                Column.AGE));
        registry.add("autoscaling", "HorizontalPodAutoscaler", KindPrinter.of(PolicyPrinters::horizontalPodAutoscaler,
                Column.NAME,
                Column.string("Reference", "The scaled object."),
                Column.string("Targets", "Current and target values of the scaling metrics."),
                Column.string("MinPods", "Lower limit of replicas."),
                Column.string("MaxPods", "Upper limit of replicas."),
                Column.string("Replicas", "Current number of replicas."),
                Column.AGE));
        registry.add("rbac.authorization.k8s.io", "RoleBinding", bindingPrinter("roleBinding"));
        registry.add("rbac.authorization.k8s.io", "ClusterRoleBinding", bindingPrinter("clusterRoleBinding"));
    }

    private static Object[] podDisruptionBudget(JsonNode pdb, Instant now) {
        return new Object[] {
            Json.name(pdb),
            Json.textOr(NOT_APPLICABLE, pdb, "spec", "minAvailable"),
            Json.textOr(NOT_APPLICABLE, pdb, "spec", "maxUnavailable"),
            Json.number(pdb, "status", "disruptionsAllowed"),
            Durations.sinceCreation(pdb, now)
        };
    }

    private static Object[] horizontalPodAutoscaler(JsonNode hpa, Instant now) {
        JsonNode target = Json.at(hpa, "spec", "scaleTargetRef");
        return new Object[] {
            Json.name(hpa),
            Json.text(target, "kind") + "/" + Json.text(target, "name"),
            HpaTargets.format(hpa),
            Json.textOr(Formats.UNSET, hpa, "spec", "minReplicas"),
            Json.number(hpa, "spec", "maxReplicas"),
            Json.number(hpa, "status", "currentReplicas"),
            Durations.sinceCreation(hpa, now)
        };
    }

    private static TablePrinter bindingPrinter(String kindDescription) {
        return KindPrinter.of(PolicyPrinters::binding,
                Column.NAME,
                Column.string("Role", "The role granted, as Kind/name."),
                Column.AGE,
                Column.string("Users", "Users in the " + kindDescription + ".").wide(),
                Column.string("Groups", "Groups in the " + kindDescription + ".").wide(),
                Column.string("ServiceAccounts", "Service accounts in the " + kindDescription + ".").wide());
    }

    private static Object[] binding(JsonNode binding, Instant now) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> serviceAccounts = new ArrayList<>();
        for (JsonNode subject : Json.items(binding, "subjects")) {
            String name = Json.text(subject, "name");
            switch (Json.text(subject, "kind")) {
                case "User" -> users.add(name);
                case "Group" -> groups.add(name);
                case "ServiceAccount" -> serviceAccounts.add(Json.text(subject, "namespace") + "/" + name);
                default -> {
                    // Other subject kinds have no column.
                }
            }
        }
        JsonNode roleRef = Json.at(binding, "roleRef");
        return new Object[] {
            Json.name(binding),
            Json.text(roleRef, "kind") + "/" + Json.text(roleRef, "name"),
            Durations.sinceCreation(binding, now),
            String.join(", ", users),
            String.join(", ", groups),
            String.join(", ", serviceAccounts)
        };
    }
}
