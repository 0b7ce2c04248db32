package io.kube4j.apiserver.registry;

/** One validation failure of one field, worded like upstream's {@code field.Error}. */
public record FieldError(Type type, String field, Object value, String detail) {

    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden");

        private final String reason;
        private final String text;

        Type(String reason, String text) {
            this.reason = reason;
            this.text = text;
        }

        public String reason() {
            return reason;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, null);
    }

    public static FieldError notSupported(String field, Object value, java.util.List<String> supported) {
        return new FieldError(Type.NOT_SUPPORTED, field, value,
                "supported values: " + String.join(", ", supported.stream().map(s -> "\"" + s + "\"").toList()));
    }

    /** The text of a cause: {@code Invalid value: "X": detail}. */
    public String message() {
        StringBuilder sb = new StringBuilder(type.text);
        if (type == Type.INVALID || type == Type.DUPLICATE || type == Type.NOT_SUPPORTED) {
            sb.append(": ").append(value instanceof String s ? "\"" + s + "\"" : String.valueOf(value));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return field + ": " + message();
    }
}
