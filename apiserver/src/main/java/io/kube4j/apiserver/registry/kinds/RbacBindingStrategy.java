package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.NameRule;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.List;

/** RoleBindings and ClusterRoleBindings: a valid roleRef that never changes, and valid subjects. */
final class RbacBindingStrategy implements Strategy {
    static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final List<String> SUBJECT_KINDS = List.of("ServiceAccount", "User", "Group");
    private final boolean clusterScoped;

    RbacBindingStrategy(boolean clusterScoped) {
        this.clusterScoped = clusterScoped;
    }

    @Override
    public void prepareForCreate(ObjectNode obj) {
        applyDefaults(obj);
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        applyDefaults(obj);
    }

    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode roleRef = obj.path("roleRef");
        Checks.oneOf(roleRef, "apiGroup", "roleRef.apiGroup", List.of(RBAC_GROUP), true, errors);
        Checks.oneOf(roleRef, "kind", "roleRef.kind",
                clusterScoped ? List.of("ClusterRole") : List.of("Role", "ClusterRole"), true, errors);
        if (Trees.text(roleRef, "name") == null) {
            errors.add(FieldError.required("roleRef.name", ""));
        } else {
            NameRule.PATH_SEGMENT.check(roleRef.get("name").asText())
                    .forEach(p -> errors.add(FieldError.invalid("roleRef.name", roleRef.get("name").asText(), p)));
        }
        List<ObjectNode> subjects = Trees.objects(obj, "subjects");
        for (int i = 0; i < subjects.size(); i++) {
            subject(subjects.get(i), "subjects[" + i + "]", errors);
        }
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        if (!Trees.sameTree(obj.path("roleRef"), old.path("roleRef"))) {
            JsonNode ref = obj.path("roleRef");
            errors.add(FieldError.invalid("roleRef", new GoSyntax("rbac.RoleRef{APIGroup:\"" + ref.path("apiGroup").asText()
                    + "\", Kind:\"" + ref.path("kind").asText() + "\", Name:\"" + ref.path("name").asText() + "\"}"),
                    "cannot change roleRef"));
        }
        return errors;
    }

    /** The RBAC group is implied for the role and for users and groups. */
    private static void applyDefaults(ObjectNode obj) {
        Trees.putIfAbsent(Trees.object(obj, "roleRef"), "apiGroup", RBAC_GROUP);
        for (ObjectNode subject : Trees.objects(obj, "subjects")) {
            String kind = Trees.text(subject, "kind");
            if ("User".equals(kind) || "Group".equals(kind)) {
                Trees.putIfAbsent(subject, "apiGroup", RBAC_GROUP);
            }
        }
    }

    private void subject(JsonNode subject, String path, List<FieldError> errors) {
        Checks.oneOf(subject, "kind", path + ".kind", SUBJECT_KINDS, true, errors);
        if (Trees.text(subject, "name") == null) {
            errors.add(FieldError.required(path + ".name", ""));
        }
        String kind = Trees.text(subject, "kind");
        if ("ServiceAccount".equals(kind)) {
            if (Trees.text(subject, "apiGroup") != null) {
                errors.add(FieldError.notSupported(path + ".apiGroup", subject.get("apiGroup").asText(), List.of("")));
            }
            if (clusterScoped && Trees.text(subject, "namespace") == null) {
                errors.add(FieldError.required(path + ".namespace", ""));
            }
        } else if (kind != null && !RBAC_GROUP.equals(Trees.text(subject, "apiGroup"))) {
            errors.add(FieldError.notSupported(path + ".apiGroup", subject.path("apiGroup").asText(), List.of(RBAC_GROUP)));
        }
    }
}
