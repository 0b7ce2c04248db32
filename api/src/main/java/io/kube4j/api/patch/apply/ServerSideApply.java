package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.schema.TypeSchema;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Server-side apply ({@code application/apply-patch+yaml}): merges an applied configuration into the
 * live object and records in {@code metadata.managedFields} that the field manager owns exactly the
 * fields its configuration sets.
 *
 * <ul>
 *   <li>Fields the manager owned before but no longer sets are removed, unless another manager (or the
 *       new configuration) still owns them or something below them.</li>
 *   <li>Changing a field another manager owns is a conflict: without {@code force} the apply fails
 *       with {@link ApplyConflictException}; with it, ownership moves to the applier. Setting the value
 *       a field already has shares ownership.</li>
 *   <li>An existing object without managedFields gets a {@code before-first-apply} Update manager for
 *       all its fields first, as upstream does.</li>
 * </ul>
 *
 * <p>Limits: list elements are identified by the strategic-merge merge key alone (upstream uses the
 * OpenAPI list-map keys, e.g. containerPort+protocol for container ports); lists without a merge
 * strategy are atomic; no version conversion of other managers' fields; the client-side-apply
 * last-applied annotation is not consulted when resolving conflicts.
 */
public final class ServerSideApply {

    static final String BEFORE_FIRST_APPLY = "before-first-apply";

    private final TypeSchema schema;
    private final ManagedFields bookkeeping;

    /** @param schema the kind's schema; null merges untyped (all lists atomic) */
    public ServerSideApply(TypeSchema schema, Clock clock) {
        this.schema = schema;
        this.bookkeeping = new ManagedFields(schema, clock);
    }

    /**
     * Applies {@code applied} for {@code manager}; neither argument is modified.
     *
     * @param live the stored object, or null when the apply creates it
     * @return the merged object with its updated managedFields
     * @throws ApplyConflictException if {@code force} is false and other managers own changed fields
     */
    public ObjectNode apply(ObjectNode live, ObjectNode applied, String manager, boolean force) {
        ObjectNode base = live == null ? ManagedFields.emptyObject() : ManagedFields.withoutManagedFields(live);
        ObjectNode config = ManagedFields.withoutManagedFields(applied);
        List<ManagerEntry> others = new ArrayList<>();
        ManagerEntry previous = null;
        ManagerEntry applier = new ManagerEntry(manager, ManagerEntry.APPLY, config.path("apiVersion").asText(null),
                bookkeeping.now(), null, OwnedFields.of(config, schema));
        for (ManagerEntry entry : managersOf(live)) {
            if (entry.sameManager(applier)) {
                previous = entry;
            } else {
                others.add(entry);
            }
        }
        ObjectNode merged = (ObjectNode) ApplyMerge.merge(base, config, schema);
        prune(merged, previous, applier, others);

        FieldComparison changes = FieldComparison.between(base, merged, schema);
        List<ApplyConflictException.Conflict> conflicts = new ArrayList<>();
        List<ManagerEntry> updated = new ArrayList<>();
        for (ManagerEntry other : others) {
            FieldSet taken = other.fields().intersection(changes.addedOrModified());
            taken.paths().forEach(path -> conflicts.add(
                    new ApplyConflictException.Conflict(other.describe(), PathElements.display(path))));
            updated.add(other.withFields(other.fields().difference(taken).difference(changes.removed())));
        }
        if (!force && !conflicts.isEmpty()) {
            conflicts.sort(Comparator.comparing(ApplyConflictException.Conflict::manager)
                    .thenComparing(ApplyConflictException.Conflict::field));
            throw new ApplyConflictException(conflicts);
        }
        updated.add(applier);
        ManagedFields.write(merged, updated);
        return merged;
    }

    /** The live object's managers; an untracked existing object first gets a before-first-apply owner. */
    private List<ManagerEntry> managersOf(ObjectNode live) {
        if (live == null) {
            return List.of();
        }
        List<ManagerEntry> managers = ManagedFields.decode(live);
        if (!managers.isEmpty()) {
            return managers;
        }
        ObjectNode owned = bookkeeping.recordUpdate(null, ManagedFields.withoutManagedFields(live), BEFORE_FIRST_APPLY, "Update");
        return ManagedFields.decode(owned);
    }

    /** Removes what the applier owned before and no one owns any more. */
    private void prune(ObjectNode merged, ManagerEntry previous, ManagerEntry applier, List<ManagerEntry> others) {
        if (previous == null) {
            return;
        }
        FieldSet stillOwned = applier.fields();
        for (ManagerEntry other : others) {
            stillOwned = stillOwned.union(other.fields());
        }
        for (var path : previous.fields().difference(applier.fields()).paths()) {
            if (!stillOwned.contains(path) && !stillOwned.hasMemberBelow(path)) {
                ApplyMerge.remove(merged, path, schema);
            }
        }
    }
}
