package io.kube4j.api.patch.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server-side apply that would change fields other managers own, without {@code force}. The
 * apiserver answers 409 with {@code reason: Conflict}, {@link #getMessage()} as message and one
 * {@code details.causes} entry per {@link Conflict}: {@code {"reason":"FieldManagerConflict",
 * "message":conflict.message(),"field":conflict.field()}}.
 */
public final class ApplyConflictException extends RuntimeException {

    /**
     * One conflicting field.
     *
     * @param manager the other manager as upstream prints it, e.g. {@code "kubectl-client-side-apply" using apps/v1}
     * @param field   the field path, e.g. {@code .spec.replicas}
     */
    public record Conflict(String manager, String field) {

        /** The cause message, e.g. {@code conflict with "kubectl-client-side-apply" using apps/v1}. */
        public String message() {
            return "conflict with " + manager;
        }
    }

    private final List<Conflict> conflicts;

    ApplyConflictException(List<Conflict> conflicts) {
        super(describe(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** The HTTP status the apiserver answers with. */
    public int httpStatus() {
        return 409;
    }

    private static String describe(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict only = conflicts.get(0);
            return "Apply failed with 1 conflict: " + only.message() + ": " + only.field();
        }
        Map<String, List<String>> byManager = new TreeMap<>();
        conflicts.forEach(c -> byManager.computeIfAbsent(c.manager(), m -> new ArrayList<>()).add(c.field()));
        List<String> lines = new ArrayList<>();
        byManager.forEach((manager, fields) -> {
            lines.add("conflicts with " + manager + ":");
            fields.forEach(field -> lines.add("- " + field));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
