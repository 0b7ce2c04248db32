package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.resource.ResourceType;
import java.util.List;

/**
 * A failure that reaches the client as a {@code meta/v1 Status} with upstream's code, reason and
 * details, so kubectl prints e.g. {@code Error from server (NotFound): pods "x" not found}.
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final String name;
    private final String kind;
    private final String group;
    private final List<Cause> causes;

    /** One entry of {@code details.causes}. */
    public record Cause(String reason, String message, String field) {
    }

    public ApiException(int code, String reason, String message, String name, String group, String kind,
                        List<Cause> causes) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = List.copyOf(causes);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<Cause> causes() {
        return causes;
    }

    public ObjectNode toStatus() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (name != null || kind != null || !causes.isEmpty()) {
            ObjectNode details = status.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            if (group != null && !group.isEmpty()) {
                details.put("group", group);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode list = details.putArray("causes");
                for (Cause c : causes) {
                    ObjectNode n = list.addObject();
                    if (c.reason() != null) {
                        n.put("reason", c.reason());
                    }
                    n.put("message", c.message());
                    if (c.field() != null) {
                        n.put("field", c.field());
                    }
                }
            }
        }
        status.put("code", code);
        return status;
    }

    private static ApiException simple(int code, String reason, String message) {
        return new ApiException(code, reason, message, null, null, null, List.of());
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(404, "NotFound", type.qualifiedName() + " \"" + name + "\" not found",
                name, type.group(), type.plural(), List.of());
    }

    public static ApiException notFound(String message) {
        return simple(404, "NotFound", message);
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(409, "AlreadyExists", type.qualifiedName() + " \"" + name + "\" already exists",
                name, type.group(), type.plural(), List.of());
    }

    public static ApiException conflict(ResourceType type, String name, String detail) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedName()
                + " \"" + name + "\": " + detail, name, type.group(), type.plural(), List.of());
    }

    public static ApiException applyConflict(ResourceType type, String name, String message, List<Cause> causes) {
        return new ApiException(409, "Conflict", message, name, type.group(), type.plural(), causes);
    }

    /** 422 with one cause per field error, worded as upstream's aggregate. */
    public static ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
        List<Cause> causes = errors.stream()
                .map(e -> new Cause(e.type().reason(), e.message(), e.field())).toList();
        String joined = errors.size() == 1 ? errors.get(0).toString()
                : "[" + String.join(", ", errors.stream().map(FieldError::toString).toList()) + "]";
        return new ApiException(422, "Invalid", type.kind() + (type.group().isEmpty() ? "" : "." + type.group())
                + " \"" + (name == null ? "" : name) + "\" is invalid: " + joined,
                name, type.group(), type.kind(), causes);
    }

    public static ApiException badRequest(String message) {
        return simple(400, "BadRequest", message);
    }

    public static ApiException forbidden(String message) {
        return simple(403, "Forbidden", message);
    }

    public static ApiException unauthorized() {
        return simple(401, "Unauthorized", "Unauthorized");
    }

    public static ApiException methodNotAllowed(String message) {
        return simple(405, "MethodNotAllowed", message);
    }

    public static ApiException gone(String message) {
        return simple(410, "Expired", message);
    }

    public static ApiException tooLarge(String message) {
        return simple(413, "RequestEntityTooLarge", message);
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return simple(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
                + "application/json, application/yaml, application/vnd.kubernetes.protobuf (got " + contentType + ")");
    }

    public static ApiException internal(String message) {
        return simple(500, "InternalError", "Internal error occurred: " + message);
    }

    public static ApiException tooManyRequests(String message) {
        return simple(429, "TooManyRequests", message);
    }
}
