package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON patch (RFC 6902), the {@code application/json-patch+json} patch type: add, remove, replace,
 * move, copy and test, with the {@code "-"} array index and {@code ~0}/{@code ~1} escapes.
 *
 * <p>Like the library the apiserver uses, {@code replace} of a missing object member adds it (only a
 * missing array index or parent fails). Error messages follow that library's wording.
 */
public final class JsonPatch {

    private JsonNode root;

    private JsonPatch(JsonNode root) {
        this.root = root;
    }

    /**
     * Applies the operations of {@code patch} (a JSON array) in order to a copy of {@code target}.
     *
     * @throws PatchException 400 if the patch is not an array of objects, 422 if an operation fails
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw PatchException.malformed("json: cannot unmarshal " + JsonValues.goKind(patch)
                    + " into Go value of type jsonpatch.Patch");
        }
        JsonPatch document = new JsonPatch(target.deepCopy());
        for (JsonNode operation : patch) {
            if (!operation.isObject()) {
                throw PatchException.malformed("json: cannot unmarshal " + JsonValues.goKind(operation)
                        + " into Go value of type jsonpatch.Operation");
            }
            document.applyOperation(operation);
        }
        return document.root;
    }

    private void applyOperation(JsonNode operation) {
        String op = operation.path("op").isTextual() ? operation.get("op").asText() : "unknown";
        switch (op) {
            case "add" -> add(pointer(operation, "path", op), value(operation), op);
            case "remove" -> remove(pointer(operation, "path", op), op);
            case "replace" -> replace(pointer(operation, "path", op), value(operation));
            case "move" -> {
                JsonPointer from = pointer(operation, "from", op);
                JsonNode moved = get(from, op);
                remove(from, op);
                add(pointer(operation, "path", op), moved, op);
            }
            case "copy" -> {
                JsonNode copied = get(pointer(operation, "from", op), op);
                add(pointer(operation, "path", op), copied.deepCopy(), op);
            }
            case "test" -> test(pointer(operation, "path", op), value(operation));
            default -> throw PatchException.unprocessable("Unexpected kind: " + op);
        }
    }

    private static JsonPointer pointer(JsonNode operation, String member, String op) {
        JsonNode text = operation.get(member);
        if (text == null || text.isNull()) {
            throw PatchException.unprocessable(op + " operation failed to decode " + member + ": missing value");
        }
        JsonPointer pointer = JsonPointer.parse(text.asText());
        if (pointer == null) {
            throw PatchException.unprocessable(op + " operation does not apply: doc is missing path: \""
                    + text.asText() + "\": missing value");
        }
        return pointer;
    }

    private static JsonNode value(JsonNode operation) {
        JsonNode value = operation.get("value");
        return value == null ? NullNode.getInstance() : value.deepCopy();
    }

    /** The object or array that holds the pointer's last token, or null if the path does not exist. */
    private JsonNode container(JsonPointer pointer) {
        JsonNode node = root;
        for (String token : pointer.parentTokens()) {
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                int index = parseIndex(token);
                node = index >= 0 && index < node.size() ? node.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node.isContainerNode() ? node : null;
    }

    private void add(JsonPointer pointer, JsonNode value, String op) {
        if (pointer.isRoot()) {
            root = value;
            return;
        }
        JsonNode container = container(pointer);
        if (container == null) {
            throw PatchException.unprocessable(op + " operation does not apply: doc is missing path: \""
                    + pointer.text() + "\": missing value");
        }
        String key = pointer.lastToken();
        if (container instanceof ObjectNode object) {
            object.set(key, value);
            return;
        }
        ArrayNode array = (ArrayNode) container;
        if (key.equals("-")) {
            array.add(value);
            return;
        }
        int index = parseIndex(key);
        if (index < 0) {
            throw PatchException.unprocessable("error in " + op + " for path: '" + pointer.text()
                    + "': value was not a proper array index: '" + key + "'");
        }
        if (index > array.size()) {
            throw invalidIndex(op, pointer, index);
        }
        array.insert(index, value);
    }

    private void remove(JsonPointer pointer, String op) {
        JsonNode container = pointer.isRoot() ? null : container(pointer);
        if (container == null) {
            throw PatchException.unprocessable(op + " operation does not apply: doc is missing path: \""
                    + pointer.text() + "\": missing value");
        }
        String key = pointer.lastToken();
        if (container instanceof ObjectNode object) {
            if (!object.has(key)) {
                throw PatchException.unprocessable("error in " + op + " for path: '" + pointer.text()
                        + "': Unable to remove nonexistent key: " + key + ": missing value");
            }
            object.remove(key);
            return;
        }
        ArrayNode array = (ArrayNode) container;
        array.remove(existingIndex(key, array.size(), pointer, op));
    }

    private void replace(JsonPointer pointer, JsonNode value) {
        if (pointer.isRoot()) {
            root = value;
            return;
        }
        JsonNode container = container(pointer);
        if (container == null) {
            throw PatchException.unprocessable("replace operation does not apply: doc is missing path: "
                    + pointer.text() + ": missing value");
        }
        String key = pointer.lastToken();
        if (container instanceof ObjectNode object) {
            object.set(key, value);
            return;
        }
        ArrayNode array = (ArrayNode) container;
        int index = parseIndex(key);
        if (index < 0 || index >= array.size()) {
            throw PatchException.unprocessable("replace operation does not apply: doc is missing key: "
                    + pointer.text() + ": missing value");
        }
        array.set(index, value);
    }

    private void test(JsonPointer pointer, JsonNode expected) {
        JsonNode actual = pointer.isRoot() ? root : lookup(pointer, "test operation does not apply: is missing path");
        boolean bothAbsent = (actual == null || actual.isNull()) && expected.isNull();
        if (!bothAbsent && !JsonValues.equal(actual, expected)) {
            throw PatchException.unprocessable("testing value " + pointer.text() + " failed: test failed");
        }
    }

    /** The value at {@code from} of a move or copy, which must exist. */
    private JsonNode get(JsonPointer pointer, String op) {
        if (pointer.isRoot()) {
            return root;
        }
        JsonNode value = lookup(pointer, op + " operation does not apply: doc is missing from path");
        if (value == null) {
            throw PatchException.unprocessable("error in " + op + " for path: '" + pointer.text()
                    + "': missing value");
        }
        return value;
    }

    /** The value at the pointer; a missing object member is null, a missing parent is an error. */
    private JsonNode lookup(JsonPointer pointer, String missingParentMessage) {
        JsonNode container = container(pointer);
        if (container == null) {
            throw PatchException.unprocessable(missingParentMessage + ": " + pointer.text() + ": missing value");
        }
        String key = pointer.lastToken();
        return container.isObject() ? container.get(key) : container.get(existingIndex(key, container.size(), pointer, "get"));
    }

    /** The index a token names in an array of {@code size} elements, which must exist. */
    private static int existingIndex(String token, int size, JsonPointer pointer, String op) {
        int index = parseIndex(token);
        if (index < 0) {
            throw PatchException.unprocessable("error in " + op + " for path: '" + pointer.text()
                    + "': strconv.Atoi: parsing \"" + token + "\": invalid syntax");
        }
        if (index >= size) {
            throw invalidIndex(op, pointer, index);
        }
        return index;
    }

    private static PatchException invalidIndex(String op, JsonPointer pointer, int index) {
        return PatchException.unprocessable("error in " + op + " for path: '" + pointer.text()
                + "': Unable to access invalid index: " + index + ": invalid index referenced");
    }

    /** A non-negative decimal array index, or -1 if the token is not one. */
    private static int parseIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(token);
    }
}
