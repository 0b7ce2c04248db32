package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** ConfigMaps: valid keys, no key in both data and binaryData, at most 1 MiB, and the immutable flag. */
final class ConfigMapStrategy implements Strategy {
    private static final List<String> DATA_FIELDS = List.of("data", "binaryData");

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        DataKeys.validateKeys(obj, "data", errors);
        DataKeys.validateKeys(obj, "binaryData", errors);
        long size = 0;
        for (Map.Entry<String, JsonNode> e : obj.path("data").properties()) {
            if (obj.path("binaryData").has(e.getKey())) {
                errors.add(FieldError.invalid("data[" + e.getKey() + "]", e.getKey(), "duplicate of key present in binaryData"));
            }
            size += e.getValue().asText().length();
        }
        for (Map.Entry<String, JsonNode> e : obj.path("binaryData").properties()) {
            size += decodedLength(e.getValue().asText());
        }
        DataKeys.validateTotalSize(size, errors);
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        DataKeys.validateImmutable(obj, old, DATA_FIELDS, errors);
        return errors;
    }

    private static long decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length();
        }
    }
}
