package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The elements of a field path in their FieldsV1 spelling, which also serves as their identity:
 * {@code f:<field>} for an object field or map entry, {@code k:{"name":"c"}} for an element of an
 * associative list, {@code v:"x"} for an element of a set, {@code i:0} for a list index.
 */
final class PathElements {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PathElements() {
    }

    static String field(String name) {
        return "f:" + name;
    }

    static String key(String keyField, JsonNode keyValue) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.set(keyField, keyValue);
        return "k:" + canonical(key);
    }

    static String value(JsonNode value) {
        return "v:" + canonical(value);
    }

    static boolean isField(String element) {
        return element.startsWith("f:");
    }

    static String fieldName(String element) {
        return element.substring(2);
    }

    /** The path as conflicts show it, e.g. {@code .spec.containers[name="c"].image}. */
    static String display(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String element : path) {
            String body = element.substring(2);
            switch (element.substring(0, 2)) {
                case "f:" -> text.append('.').append(body);
                case "v:" -> text.append("[=").append(body).append(']');
                case "i:" -> text.append('[').append(body).append(']');
                case "k:" -> {
                    List<String> keys = new ArrayList<>();
                    parse(body).properties().forEach(key -> keys.add(key.getKey() + "=" + canonical(key.getValue())));
                    text.append('[').append(String.join(",", keys)).append(']');
                }
                default -> text.append(element);
            }
        }
        return text.toString();
    }

    /** Compact JSON with sorted object keys and integral numbers without a fraction, so equal values spell alike. */
    static String canonical(JsonNode value) {
        return write(normalized(value));
    }

    private static JsonNode normalized(JsonNode value) {
        if (value.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            value.properties().forEach(field -> sorted.put(field.getKey(), normalized(field.getValue())));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (value.isArray()) {
            var result = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                result.add(normalized(it.next()));
            }
            return result;
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().stripTrailingZeros();
            return number.scale() <= 0
                    ? JsonNodeFactory.instance.numberNode(number.toBigInteger())
                    : JsonNodeFactory.instance.numberNode(number);
        }
        return value;
    }

    private static String write(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid path element: " + json, e);
        }
    }
}
