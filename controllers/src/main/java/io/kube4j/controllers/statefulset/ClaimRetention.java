package io.kube4j.controllers.statefulset;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.kube4j.controllers.Owners;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code spec.persistentVolumeClaimRetentionPolicy} as ownerReferences on the claims of a StatefulSet
 * (upstream's StatefulSetAutoDeletePVC): the garbage collector deletes a claim once its owner is gone.
 * whenDeleted=Delete makes the set the claims' controller; whenScaled=Delete makes a condemned pod
 * (ordinal at or above replicas) the controller of its claims instead, and scaling back up before the
 * pod is gone hands them back. Retain (the default, and any unknown value) leaves no such reference.
 */
final class ClaimRetention {
    static final String DELETE = "Delete";
    private static final String SET_API_VERSION = "apps/v1";
    private static final String SET_KIND = "StatefulSet";
    private static final String POD_API_VERSION = "v1";
    private static final String POD_KIND = "Pod";

    private ClaimRetention() {
    }

    static boolean deleteWhenDeleted(StatefulSet set) {
        StatefulSetPersistentVolumeClaimRetentionPolicy policy = set.getSpec().getPersistentVolumeClaimRetentionPolicy();
        return policy != null && DELETE.equals(policy.getWhenDeleted());
    }

    static boolean deleteWhenScaled(StatefulSet set) {
        StatefulSetPersistentVolumeClaimRetentionPolicy policy = set.getSpec().getPersistentVolumeClaimRetentionPolicy();
        return policy != null && DELETE.equals(policy.getWhenScaled());
    }

    /** The owners a claim gets when created for a pod in the ordinal range. */
    static List<OwnerReference> ownersOfNewClaim(StatefulSet set) {
        return deleteWhenDeleted(set) ? List.of(setRef(set)) : List.of();
    }

    /**
     * The ownerReferences the policy wants on {@code claim} of {@code pod}, or empty when the claim
     * already has them or must be left alone: a reference to an earlier set or pod of the same name
     * (its garbage collection is under way), or, under a Delete policy, another controller (then only
     * our own references are removed, none are added).
     */
    static Optional<List<OwnerReference>> ownersToWrite(PersistentVolumeClaim claim, StatefulSet set, Pod pod,
                                                        boolean scaledDown) {
        List<OwnerReference> current = Owners.of(claim);
        if (current.stream().anyMatch(ref -> isStale(ref, set, pod))) {
            return Optional.empty();
        }
        boolean foreignController = (deleteWhenDeleted(set) || deleteWhenScaled(set)) && current.stream()
                .anyMatch(ref -> !refersTo(ref, set, pod) && Boolean.TRUE.equals(ref.getController()));
        List<OwnerReference> wanted = new ArrayList<>(current.stream().filter(ref -> !refersTo(ref, set, pod)).toList());
        if (!foreignController) {
            boolean podOwns = deleteWhenScaled(set) && scaledDown;
            if (podOwns) {
                wanted.add(podRef(pod));
            } else if (deleteWhenDeleted(set)) {
                wanted.add(setRef(set));
            }
        }
        return new HashSet<>(wanted).equals(new HashSet<>(current)) ? Optional.empty() : Optional.of(wanted);
    }

    /**
     * Whether a claim of a pod not yet (re)created still belongs to an earlier pod of that name under
     * whenScaled=Delete: the garbage collector is about to delete it, so the pod must wait for it.
     */
    static boolean heldByEarlierPod(StatefulSet set, String podName, PersistentVolumeClaim claim) {
        return deleteWhenScaled(set) && Owners.of(claim).stream()
                .anyMatch(ref -> matches(ref, POD_API_VERSION, POD_KIND, podName));
    }

    /** The set whose pod owns the claim ({@code namespace/name}), for requeueing on claim events. */
    static List<String> setKeysOfPodOwners(PersistentVolumeClaim claim) {
        return Owners.of(claim).stream()
                .filter(ref -> POD_KIND.equals(ref.getKind()) && POD_API_VERSION.equals(ref.getApiVersion()))
                .map(ref -> StatefulSetPods.setNameOf(ref.getName()))
                .filter(Objects::nonNull)
                .map(setName -> claim.getMetadata().getNamespace() + "/" + setName)
                .toList();
    }

    private static OwnerReference setRef(StatefulSet set) {
        return new OwnerReference(SET_API_VERSION, true, true, SET_KIND, set.getMetadata().getName(),
                set.getMetadata().getUid());
    }

    private static OwnerReference podRef(Pod pod) {
        return new OwnerReference(POD_API_VERSION, true, true, POD_KIND, pod.getMetadata().getName(),
                pod.getMetadata().getUid());
    }

    private static boolean refersTo(OwnerReference ref, StatefulSet set, Pod pod) {
        return matches(ref, SET_API_VERSION, SET_KIND, set.getMetadata().getName())
                || matches(ref, POD_API_VERSION, POD_KIND, pod.getMetadata().getName());
    }

    /** A reference naming the set or pod whose uid is not theirs: one of an earlier object of that name. */
    private static boolean isStale(OwnerReference ref, StatefulSet set, Pod pod) {
        if (matches(ref, SET_API_VERSION, SET_KIND, set.getMetadata().getName())) {
            return !Objects.equals(ref.getUid(), set.getMetadata().getUid());
        }
        if (matches(ref, POD_API_VERSION, POD_KIND, pod.getMetadata().getName())) {
            return !Objects.equals(ref.getUid(), pod.getMetadata().getUid());
        }
        return false;
    }

    private static boolean matches(OwnerReference ref, String apiVersion, String kind, String name) {
        return apiVersion.equals(ref.getApiVersion()) && kind.equals(ref.getKind()) && name.equals(ref.getName());
    }
}
