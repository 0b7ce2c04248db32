package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Upstream's ControllerRefManager: decides which candidates a controller owns. It keeps what it
 * controls and still selects, adopts matching orphans (adding its controller reference) and
 * releases what it controls but no longer selects. Objects controlled by others are never touched.
 * A controller being deleted neither adopts nor releases.
 */
public final class ControllerRefClaimer<T extends HasMetadata> {

    /** Writes a new owner list onto an object (a patch guarded by the object's uid). */
    @FunctionalInterface
    public interface OwnerWriter<T> {
        void writeOwners(T obj, List<OwnerReference> owners);
    }

    /** Reads the controller afresh from the API, or null when it is gone. */
    @FunctionalInterface
    public interface FreshGetter {
        HasMetadata get();
    }

    private final HasMetadata controller;
    private final Predicate<T> selects;
    private final OwnerWriter<T> writer;
    private final FreshGetter fresh;
    private boolean adoptionChecked;

    public ControllerRefClaimer(HasMetadata controller, Predicate<T> selects, OwnerWriter<T> writer, FreshGetter fresh) {
        this.controller = controller;
        this.selects = selects;
        this.writer = writer;
        this.fresh = fresh;
    }

    /** The candidates the controller owns after adopting and releasing; fails after trying them all if a write failed. */
    public List<T> claim(List<T> candidates) {
        List<T> claimed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (T obj : candidates) {
            try {
                if (claim(obj)) {
                    claimed.add(obj);
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    errors.add(e.getMessage());
                }
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
        return claimed;
    }

    private boolean claim(T obj) {
        String uid = controller.getMetadata().getUid();
        boolean controllerDeleting = controller.getMetadata().getDeletionTimestamp() != null;
        OwnerReference ref = Owners.controllerOf(obj);
        if (ref != null) {
            if (!Objects.equals(ref.getUid(), uid)) {
                return false;
            }
            if (selects.test(obj)) {
                return true;
            }
            if (!controllerDeleting) {
                writer.writeOwners(obj, Owners.removing(obj, uid));
            }
            return false;
        }
        if (controllerDeleting || !selects.test(obj) || obj.getMetadata().getDeletionTimestamp() != null
                || !Objects.equals(obj.getMetadata().getNamespace(), controller.getMetadata().getNamespace())) {
            return false;
        }
        checkCanAdopt();
        writer.writeOwners(obj, Owners.adding(obj, Owners.controllerRef(controller)));
        return true;
    }

    /** The cache may be stale: adopt only if the controller still exists with this uid and is not being deleted. */
    private void checkCanAdopt() {
        if (adoptionChecked) {
            return;
        }
        HasMetadata current = fresh.get();
        String name = controller.getMetadata().getNamespace() + "/" + controller.getMetadata().getName();
        if (current == null || !Objects.equals(current.getMetadata().getUid(), controller.getMetadata().getUid())) {
            throw new IllegalStateException("original " + name + " is gone: got uid "
                    + (current == null ? "" : current.getMetadata().getUid()) + ", wanted " + controller.getMetadata().getUid());
        }
        if (current.getMetadata().getDeletionTimestamp() != null) {
            throw new IllegalStateException(name + " has just been deleted at " + current.getMetadata().getDeletionTimestamp());
        }
        adoptionChecked = true;
    }
}
