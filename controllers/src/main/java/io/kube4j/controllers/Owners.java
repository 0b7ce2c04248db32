package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ownerReferences: the controller reference a controller sets (the one owner with
 * {@code controller: true} that manages an object), and edits of an object's owner list.
 */
public final class Owners {
    private Owners() {
    }

    /** What a controller puts on the objects it creates or adopts: it controls them and blocks foreground deletion. */
    public static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReference(owner.getApiVersion(), true, true, owner.getKind(), owner.getMetadata().getName(),
                owner.getMetadata().getUid());
    }

    /** The reference with {@code controller: true}, or null. */
    public static OwnerReference controllerOf(HasMetadata obj) {
        return of(obj).stream().filter(ref -> Boolean.TRUE.equals(ref.getController())).findFirst().orElse(null);
    }

    /** The controller reference of the object if it is of {@code kind}, or null. */
    public static OwnerReference controllerOfKind(HasMetadata obj, String kind) {
        OwnerReference ref = controllerOf(obj);
        return ref != null && kind.equals(ref.getKind()) ? ref : null;
    }

    /** The uid of the object's controller, or null. */
    public static String controllerUid(HasMetadata obj) {
        OwnerReference ref = controllerOf(obj);
        return ref == null ? null : ref.getUid();
    }

    /** The {@code namespace/name} key of the object's controller when it is of {@code kind}: what informer handlers queue. */
    public static List<String> controllerKeys(HasMetadata obj, String kind) {
        OwnerReference ref = controllerOfKind(obj, kind);
        return ref == null ? List.of() : List.of(obj.getMetadata().getNamespace() + "/" + ref.getName());
    }

    public static boolean isControlledBy(HasMetadata obj, String ownerUid) {
        OwnerReference ref = controllerOf(obj);
        return ref != null && Objects.equals(ref.getUid(), ownerUid);
    }

    /** All the object's owner references (none when unset). */
    public static List<OwnerReference> of(HasMetadata obj) {
        List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
        return refs == null ? List.of() : refs;
    }

    /** The owner list of {@code obj} with {@code ref} appended. */
    public static List<OwnerReference> adding(HasMetadata obj, OwnerReference ref) {
        List<OwnerReference> refs = new ArrayList<>(of(obj));
        refs.add(ref);
        return refs;
    }

    /** The owner list of {@code obj} without the references to {@code ownerUid}. */
    public static List<OwnerReference> removing(HasMetadata obj, String ownerUid) {
        return of(obj).stream().filter(ref -> !Objects.equals(ref.getUid(), ownerUid)).toList();
    }
}
