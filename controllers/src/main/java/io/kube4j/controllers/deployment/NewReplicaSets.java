package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.Owners;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the ReplicaSet of the deployment's current template (creating it when asked), raises its
 * revision to max(old revisions)+1 and mirrors that revision on the deployment: how a new
 * template, a restart or a rollback (a template patched back) becomes the newest revision.
 */
final class NewReplicaSets {
    /** The current ReplicaSet (null if none yet) and all the others. */
    record Split(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        List<ReplicaSet> all() {
            return ReplicaSetLists.with(oldRSs, newRS);
        }
    }

    private final RolloutEnv env;
    /** Cached ReplicaSets by {@code namespace/name}, to check a name that is already taken. */
    private final Function<String, ReplicaSet> cached;

    NewReplicaSets(RolloutEnv env, Function<String, ReplicaSet> cached) {
        this.env = env;
        this.cached = cached;
    }

    /** The oldest ReplicaSet whose template is the deployment's, or null. */
    static ReplicaSet findNew(Deployment d, List<ReplicaSet> rsList) {
        return ReplicaSetLists.sorted(rsList, ReplicaSetLists.BY_CREATION).stream()
                .filter(rs -> PodTemplateHash.equalIgnoringHash(rs.getSpec().getTemplate(), d.getSpec().getTemplate()))
                .findFirst().orElse(null);
    }

    Split split(Deployment d, List<ReplicaSet> rsList, boolean createIfMissing) {
        ReplicaSet existing = findNew(d, rsList);
        List<ReplicaSet> oldRSs = rsList.stream().filter(rs -> rs != existing).toList();
        long newRevision = DeploymentAnnotations.maxRevision(oldRSs) + 1;
        if (existing != null) {
            return new Split(syncExisting(d, existing, newRevision), oldRSs);
        }
        return new Split(createIfMissing ? create(d, oldRSs, newRevision) : null, oldRSs);
    }

    private ReplicaSet syncExisting(Deployment d, ReplicaSet rs, long newRevision) {
        boolean annotationsChanged = DeploymentAnnotations.setNewReplicaSetAnnotations(d, rs, newRevision, true);
        int minReadySeconds = orZero(d.getSpec().getMinReadySeconds());
        if (annotationsChanged || orZero(rs.getSpec().getMinReadySeconds()) != minReadySeconds) {
            rs.getSpec().setMinReadySeconds(minReadySeconds);
            // The ReplicaSet's update comes back through the informer; the deployment follows on that sync.
            env.update(rs);
            return rs;
        }
        boolean revisionChanged = DeploymentAnnotations.setDeploymentRevision(d,
                DeploymentAnnotations.annotations(rs).get(DeploymentAnnotations.REVISION));
        boolean statusChanged = false;
        if (DeploymentConditions.hasProgressDeadline(d) && DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING) == null) {
            DeploymentConditions.set(status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.FOUND_NEW_RS, "Found new replica set \"" + rs.getMetadata().getName() + "\"", env.now()));
            statusChanged = true;
        }
        env.updateRevisionAndStatus(d, revisionChanged, statusChanged);
        return rs;
    }

    private ReplicaSet create(Deployment d, List<ReplicaSet> oldRSs, long newRevision) {
        String hash = PodTemplateHash.of(d.getSpec().getTemplate(), status(d).getCollisionCount());
        ReplicaSet newRS = newReplicaSet(d, hash);
        int replicas = RollingMath.newReplicaSetReplicas(d, ReplicaSetLists.with(oldRSs, newRS), newRS);
        newRS.getSpec().setReplicas(replicas);
        DeploymentAnnotations.setNewReplicaSetAnnotations(d, newRS, newRevision, false);
        ReplicaSet created;
        boolean alreadyExisted = false;
        try {
            created = env.writer().create(newRS);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                reportCreateFailure(d, newRS, e);
                throw e;
            }
            created = sameTemplateOwnedBy(d, newRS.getMetadata().getNamespace() + "/" + newRS.getMetadata().getName());
            if (created == null) {
                // A different template hashed to this name: a new collisionCount gives the next try another name.
                status(d).setCollisionCount(orZero(status(d).getCollisionCount()) + 1);
                env.updateStatus(d);
                throw e;
            }
            alreadyExisted = true;
        }
        if (!alreadyExisted && replicas > 0) {
            env.events().normal(d, "ScalingReplicaSet", "Scaled up replica set " + created.getMetadata().getName()
                    + " to " + replicas + " from 0");
        }
        boolean revisionChanged = DeploymentAnnotations.setDeploymentRevision(d, Long.toString(newRevision));
        boolean statusChanged = false;
        if (!alreadyExisted && DeploymentConditions.hasProgressDeadline(d)) {
            DeploymentConditions.set(status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_RS_CREATED, "Created new replica set \"" + created.getMetadata().getName() + "\"",
                    env.now()));
            statusChanged = true;
        }
        env.updateRevisionAndStatus(d, revisionChanged, statusChanged);
        return created;
    }

    /** A ReplicaSet of 0 replicas for the deployment's template, labelled and selected by the template's hash. */
    private static ReplicaSet newReplicaSet(Deployment d, String hash) {
        PodTemplateSpec template = new PodTemplateSpecBuilder(d.getSpec().getTemplate()).build();
        Map<String, String> labels = new HashMap<>();
        if (template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(PodTemplateHash.LABEL, hash);
        template.getMetadata().setLabels(labels);
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(d.getMetadata().getName() + "-" + hash)
                .withNamespace(d.getMetadata().getNamespace())
                .withOwnerReferences(Owners.controllerRef(d))
                .withLabels(new HashMap<>(labels))
                .endMetadata()
                .withNewSpec()
                .withReplicas(0)
                .withMinReadySeconds(orZero(d.getSpec().getMinReadySeconds()))
                .withSelector(LabelSelectors.withLabel(d.getSpec().getSelector(), PodTemplateHash.LABEL, hash))
                .withTemplate(template)
                .endSpec()
                .build();
    }

    /** The ReplicaSet already named so, when it is this deployment's and has its template; else null. */
    private ReplicaSet sameTemplateOwnedBy(Deployment d, String key) {
        ReplicaSet rs = cached.apply(key);
        if (rs == null) {
            throw new IllegalStateException("replica set " + key + " already exists but is not in the cache yet");
        }
        boolean ours = Owners.isControlledBy(rs, d.getMetadata().getUid());
        return ours && PodTemplateHash.equalIgnoringHash(d.getSpec().getTemplate(), rs.getSpec().getTemplate()) ? rs : null;
    }

    private void reportCreateFailure(Deployment d, ReplicaSet newRS, KubernetesClientException e) {
        String message = "Failed to create new replica set \"" + newRS.getMetadata().getName() + "\": " + e.getMessage();
        if (DeploymentConditions.hasProgressDeadline(d)) {
            DeploymentConditions.set(status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING, "False",
                    DeploymentConditions.FAILED_RS_CREATE, message, env.now()));
            try {
                env.updateStatus(d);
            } catch (KubernetesClientException ignored) {
                // the create failure is the error worth reporting
            }
        }
        env.events().warning(d, DeploymentConditions.FAILED_RS_CREATE, message);
    }

    static DeploymentStatus status(Deployment d) {
        if (d.getStatus() == null) {
            d.setStatus(new DeploymentStatus());
        }
        return d.getStatus();
    }
}
