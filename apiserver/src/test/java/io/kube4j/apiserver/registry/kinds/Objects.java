package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;

/** Test objects written as JSON (single quotes allowed for readability), and error rendering. */
final class Objects {
    private Objects() {
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    /** A new object as the registry hands it to a strategy: with a name, namespace and uid. */
    static ObjectNode named(String name, String json) {
        ObjectNode obj = parse(json);
        obj.putObject("metadata").put("name", name).put("namespace", "default").put("uid", "uid-1");
        return obj;
    }

    static List<String> texts(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).toList();
    }
}
