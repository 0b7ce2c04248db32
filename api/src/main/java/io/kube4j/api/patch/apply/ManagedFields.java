package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.schema.TypeSchema;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Field ownership bookkeeping in {@code metadata.managedFields} for writes other than apply (create,
 * update, patch), as the apiserver does it: the writing manager comes to own every field it added or
 * changed, takes those fields from other managers (such writes never conflict), and removed fields are
 * dropped from every manager.
 *
 * <p>As upstream: an existing object without managedFields stays untracked until the first apply; a
 * write that sets managedFields keeps them (so clients may rewrite them), {@code [{}]} clears them.
 * Not done: the cap of ten Update managers, per-subresource managers.
 */
public final class ManagedFields {

    private final TypeSchema schema;
    private final Clock clock;

    /** @param schema the kind's schema (merge keys identify list elements); null for untyped objects */
    public ManagedFields(TypeSchema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Returns a copy of {@code newObj} whose managedFields record the write by {@code manager}.
     *
     * @param oldObj    the stored object, or null on create
     * @param operation the ManagedFieldsEntry operation, normally {@code "Update"}
     */
    public ObjectNode recordUpdate(ObjectNode oldObj, ObjectNode newObj, String manager, String operation) {
        ObjectNode result = newObj.deepCopy();
        JsonNode supplied = newObj.path("metadata").path("managedFields");
        if (isReset(supplied)) {
            write(result, List.of());
            return result;
        }
        List<ManagerEntry> managers = decode(supplied.isArray() && !supplied.isEmpty() ? newObj : oldObj);
        if (oldObj != null && managers.isEmpty()) {
            write(result, List.of());
            return result;
        }
        FieldComparison changes = FieldComparison.between(withoutManagedFields(oldObj), withoutManagedFields(newObj), schema);
        ManagerEntry writer = new ManagerEntry(manager, operation, newObj.path("apiVersion").asText(null),
                now(), null, FieldSet.empty());
        List<ManagerEntry> updated = new ArrayList<>();
        for (ManagerEntry entry : managers) {
            if (entry.sameManager(writer)) {
                writer = writer.withFields(entry.fields());
            } else {
                updated.add(entry.withFields(entry.fields().difference(changes.addedOrModified()).difference(changes.removed())));
            }
        }
        updated.add(writer.withFields(writer.fields().union(changes.addedOrModified()).difference(changes.removed())));
        write(result, updated);
        return result;
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The FieldsV1 entries of an object's managedFields (null object: none). */
    static List<ManagerEntry> decode(JsonNode object) {
        List<ManagerEntry> entries = new ArrayList<>();
        if (object != null) {
            for (JsonNode entry : object.path("metadata").path("managedFields")) {
                ManagerEntry decoded = ManagerEntry.fromJson(entry);
                if (decoded != null) {
                    entries.add(decoded);
                }
            }
        }
        return entries;
    }

    /** Sets the object's managedFields to the non-empty entries in upstream's order, or removes them. */
    static void write(ObjectNode object, List<ManagerEntry> entries) {
        ObjectNode metadata = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata")
                : object.putObject("metadata");
        List<ManagerEntry> kept = entries.stream()
                .filter(entry -> !entry.fields().isEmpty())
                .sorted(Comparator.comparing(ManagerEntry::operation)
                        .thenComparing(entry -> Objects.requireNonNullElse(entry.time(), ""))
                        .thenComparing(ManagerEntry::manager)
                        .thenComparing(entry -> Objects.requireNonNullElse(entry.apiVersion(), ""))
                        .thenComparing(entry -> Objects.requireNonNullElse(entry.subresource(), "")))
                .toList();
        if (kept.isEmpty()) {
            metadata.remove("managedFields");
            return;
        }
        ArrayNode list = metadata.putArray("managedFields");
        kept.forEach(entry -> list.add(entry.toJson()));
    }

    static ObjectNode withoutManagedFields(ObjectNode object) {
        if (object == null) {
            return null;
        }
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return copy;
    }

    /** {@code [{}]} asks to clear managedFields. */
    private static boolean isReset(JsonNode managedFields) {
        return managedFields.isArray() && managedFields.size() == 1 && managedFields.get(0).isEmpty();
    }

    static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
