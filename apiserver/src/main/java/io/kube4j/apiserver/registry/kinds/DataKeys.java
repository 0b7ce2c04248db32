package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/** The keys and total size of ConfigMap and Secret data, and their {@code immutable} flag. */
final class DataKeys {
    static final long MAX_TOTAL_BYTES = 1024 * 1024;
    static final String IMMUTABLE_SET = "field is immutable when `immutable` is set";
    private static final String KEY_REGEX = "[-._a-zA-Z0-9]+";
    private static final Pattern KEY = Pattern.compile(KEY_REGEX);
    private static final String KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or "
            + "'.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '" + KEY_REGEX + "')";

    private DataKeys() {
    }

    /** Checks every key of the map under {@code field}, each reported at {@code field[key]}. */
    static void validateKeys(JsonNode obj, String field, List<FieldError> errors) {
        obj.path(field).fieldNames().forEachRemaining(key -> {
            String path = field + "[" + key + "]";
            if (key.length() > 253) {
                errors.add(FieldError.invalid(path, key, "must be no more than 253 characters"));
            }
            if (!KEY.matcher(key).matches()) {
                errors.add(FieldError.invalid(path, key, KEY_MESSAGE));
            }
            if (key.equals(".")) {
                errors.add(FieldError.invalid(path, key, "must not be '.'"));
            } else if (key.equals("..")) {
                errors.add(FieldError.invalid(path, key, "must not be '..'"));
            } else if (key.startsWith("..")) {
                errors.add(FieldError.invalid(path, key, "must not start with '..'"));
            }
        });
    }

    /** Data of more than 1 MiB in total is rejected (etcd's object size limit, kept upstream). */
    static void validateTotalSize(long bytes, List<FieldError> errors) {
        if (bytes > MAX_TOTAL_BYTES) {
            errors.add(FieldError.forbidden("data", "may not be more than " + MAX_TOTAL_BYTES + " bytes"));
        }
    }

    /** Once {@code immutable: true}, neither the flag nor the listed data fields may change. */
    static void validateImmutable(JsonNode obj, JsonNode old, List<String> dataFields, List<FieldError> errors) {
        if (!old.path("immutable").asBoolean(false)) {
            return;
        }
        if (!obj.path("immutable").asBoolean(false)) {
            errors.add(FieldError.forbidden("immutable", IMMUTABLE_SET));
        }
        for (String field : dataFields) {
            if (!Trees.sameTree(obj.path(field), old.path(field))) {
                errors.add(FieldError.forbidden(field, IMMUTABLE_SET));
            }
        }
    }
}
