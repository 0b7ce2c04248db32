package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/** Renders decoded JSON the way Go's {@code %v} prints it, so error messages read like upstream's. */
final class GoFormat {

    private GoFormat() {
    }

    static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<nil>";
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            StringJoiner joined = new StringJoiner(" ", "map[", "]");
            keys.forEach(key -> joined.add(key + ":" + value(node.get(key))));
            return joined.toString();
        }
        if (node.isArray()) {
            StringJoiner joined = new StringJoiner(" ", "[", "]");
            node.forEach(element -> joined.add(value(element)));
            return joined.toString();
        }
        return node.asText();
    }
}
