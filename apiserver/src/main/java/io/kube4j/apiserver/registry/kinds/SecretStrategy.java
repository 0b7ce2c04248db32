package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.FieldError;
import io.kube4j.apiserver.registry.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Secrets: stringData folded into data, type Opaque by default and then fixed, the keys each
 * well-known type requires, valid keys, at most 1 MiB, and the immutable flag.
 */
final class SecretStrategy implements Strategy {
    private static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "kubernetes.io/dockercfg", List.of(".dockercfg"),
            "kubernetes.io/dockerconfigjson", List.of(".dockerconfigjson"),
            "kubernetes.io/ssh-auth", List.of("ssh-privatekey"),
            "kubernetes.io/tls", List.of("tls.key", "tls.crt"));

    @Override
    public void prepareForCreate(ObjectNode obj) {
        normalize(obj);
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        normalize(obj);
    }

    @Override
    public List<FieldError> validate(ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        DataKeys.validateKeys(obj, "data", errors);
        long size = 0;
        for (Map.Entry<String, JsonNode> e : obj.path("data").properties()) {
            try {
                size += Base64.getDecoder().decode(e.getValue().asText()).length;
            } catch (IllegalArgumentException ex) {
                errors.add(FieldError.invalid("data[" + e.getKey() + "]", "<secret contents redacted>", "illegal base64 data"));
            }
        }
        DataKeys.validateTotalSize(size, errors);
        validateType(obj, errors);
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        List<FieldError> errors = validate(obj);
        Checks.immutable(obj, old, "type", "type", obj.path("type").asText(), errors);
        DataKeys.validateImmutable(obj, old, List.of("data"), errors);
        return errors;
    }

    @Override
    public Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of("type", secret -> secret.path("type").asText(""));
    }

    /** Upstream converts stringData into data (stringData wins) and never stores it. */
    private static void normalize(ObjectNode obj) {
        Trees.putIfAbsent(obj, "type", "Opaque");
        JsonNode stringData = obj.remove("stringData");
        if (stringData != null && stringData.isObject() && !stringData.isEmpty()) {
            ObjectNode data = Trees.object(obj, "data");
            stringData.properties().forEach(e -> data.put(e.getKey(),
                    Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static void validateType(JsonNode obj, List<FieldError> errors) {
        String type = obj.path("type").asText();
        JsonNode data = obj.path("data");
        for (String key : REQUIRED_KEYS.getOrDefault(type, List.of())) {
            if (!data.has(key)) {
                errors.add(FieldError.required("data[" + key + "]", ""));
            }
        }
        if (type.equals("kubernetes.io/basic-auth") && !data.has("username") && !data.has("password")) {
            errors.add(FieldError.required("data[username]", ""));
            errors.add(FieldError.required("data[password]", ""));
        }
        if (type.equals("kubernetes.io/service-account-token")
                && Trees.text(obj.path("metadata").path("annotations"), "kubernetes.io/service-account.name") == null) {
            errors.add(FieldError.required("metadata.annotations[kubernetes.io/service-account.name]", ""));
        }
    }
}
