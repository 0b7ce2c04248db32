package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/** Roles and ClusterRoles: path-segment names and rules that say what they allow. */
final class RbacRoleStrategy implements Strategy {
    private final boolean clusterScoped;

    RbacRoleStrategy(boolean clusterScoped) {
        this.clusterScoped = clusterScoped;
    }

    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        List<ObjectNode> rules = Trees.objects(obj, "rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String path = "rules[" + i + "]";
            if (Trees.strings(rule, "verbs").isEmpty()) {
                errors.add(FieldError.required(path + ".verbs", "verbs must contain at least one value"));
            }
            boolean nonResource = !Trees.strings(rule, "nonResourceURLs").isEmpty();
            if (nonResource && !clusterScoped) {
                errors.add(FieldError.invalid(path + ".nonResourceURLs", GoSyntax.stringSlice(Trees.strings(rule, "nonResourceURLs")),
                        "namespaced rules cannot apply to non-resource URLs"));
            } else if (nonResource && (!Trees.strings(rule, "resources").isEmpty() || !Trees.strings(rule, "apiGroups").isEmpty())) {
                errors.add(FieldError.invalid(path + ".nonResourceURLs", GoSyntax.stringSlice(Trees.strings(rule, "nonResourceURLs")),
                        "rules cannot apply to both regular resources and non-resource URLs"));
            } else if (!nonResource && Trees.strings(rule, "apiGroups").isEmpty()) {
                errors.add(FieldError.required(path + ".apiGroups", "resource rules must supply at least one api group"));
            } else if (!nonResource && Trees.strings(rule, "resources").isEmpty()) {
                errors.add(FieldError.required(path + ".resources", "resource rules must supply at least one resource"));
            }
        }
        return errors;
    }
}
