package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/** Controller owner references: the one owner with {@code controller: true} that manages an object. */
public final class Owners {
    private Owners() {
    }

    /** The reference a controller puts on what it creates: it controls it and blocks its foreground deletion. */
    public static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** The uid of the object's controller, or null. */
    public static String controllerUid(HasMetadata obj) {
        List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        return refs.stream()
                .filter(ref -> Boolean.TRUE.equals(ref.getController()))
                .map(OwnerReference::getUid)
                .findFirst().orElse(null);
    }

    /** The controller reference of the object if it is of {@code kind}, or null. */
    public static OwnerReference controllerOfKind(HasMetadata obj, String kind) {
        List<OwnerReference> refs = obj.getMetadata().getOwnerReferences();
        if (refs == null) {
            return null;
        }
        return refs.stream()
                .filter(ref -> Boolean.TRUE.equals(ref.getController()) && kind.equals(ref.getKind()))
                .findFirst().orElse(null);
    }
}
