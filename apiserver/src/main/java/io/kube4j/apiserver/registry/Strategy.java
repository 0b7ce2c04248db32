package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What is particular to one kind, plugged into the {@link GenericRegistry}: defaulting, validation,
 * status rules, selectable fields and graceful deletion. Hooks run in the order fixed by
 * {@link ObjectHooks}; each may change only the object it is given. Stateless unless noted.
 */
public interface Strategy {

    /** Defaults and clears fields a client may not set on create (e.g. status). */
    default void prepareForCreate(ObjectNode obj) {
    }

    /** Defaults and restores fields a client may not change on update. */
    default void prepareForUpdate(ObjectNode obj, ObjectNode old) {
    }

    /** Kind-specific validation of a new object (metadata is validated generically). */
    default List<FieldError> validate(ObjectNode obj) {
        return List.of();
    }

    /** Kind-specific validation of an update (immutable fields...). */
    default List<FieldError> validateUpdate(ObjectNode obj, ObjectNode old) {
        return validate(obj);
    }

    /** Whether a client-supplied status is dropped on create (kinds with a status subresource). */
    default boolean clearsStatusOnCreate() {
        return true;
    }

    /** How object names of this kind are validated. */
    default NameRule nameRule() {
        return NameRule.SUBDOMAIN;
    }

    /** Whether PUT of a missing object creates it. */
    default boolean allowCreateOnUpdate() {
        return false;
    }

    /** Field-selector fields beyond metadata.name/metadata.namespace, with how to read them. */
    default Map<String, Function<JsonNode, String>> selectableFields() {
        return Map.of();
    }

    /**
     * Seconds to wait before an object is really deleted (pods bound to a node), or 0 to delete at
     * once. {@code requested} is the client's gracePeriodSeconds, or null.
     */
    default long gracePeriodSeconds(ObjectNode obj, Long requested) {
        return 0;
    }

    /**
     * Called when a client deletes the object; returns true if the object must stay (marked as
     * deleting) until something else finalizes it, as namespaces do while their content is removed.
     * May update {@code obj} (e.g. a Terminating phase).
     */
    default boolean holdForFinalization(ObjectNode obj) {
        return false;
    }
}
