package io.kube4j.controllers.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.SafeEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ControllerRevisions StatefulSets and DaemonSets keep of their pod templates (upstream's
 * controller history): each revision stores the template as a replace patch, is named
 * {@code <parent>-<hash>}, and carries a number one above the newest when (re)used.
 */
public final class ControllerHistory {
    public static final String HASH_LABEL = "controller.kubernetes.io/hash";
    private static final int HTTP_CONFLICT = 409;

    /** The revision the parent should run, and the collision count that named it. */
    public record Update(ControllerRevision revision, int collisionCount) {
    }

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;

    public ControllerHistory(KubernetesClient client) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
    }

    /** The revision data of a template: {@code {"spec":{"template":{..., "$patch":"replace"}}}}, keys sorted. */
    public Map<String, Object> templatePatch(PodTemplateSpec template) {
        Map<String, Object> body = new LinkedHashMap<>(serialization.convertValue(template, Map.class));
        body.put("$patch", "replace");
        return sorted(Map.of("spec", Map.of("template", body)));
    }

    /** The name hash of revision data: FNV-1 (32 bit) over the data and the collision count, safe-encoded. */
    public String hash(Map<String, Object> data, int collisionCount) {
        byte[] json = serialization.asJson(data).getBytes(StandardCharsets.UTF_8);
        int h = 0x811c9dc5;
        for (byte b : json) {
            h *= 0x01000193;
            h ^= b & 0xff;
        }
        if (collisionCount > 0) {
            for (byte b : Integer.toString(collisionCount).getBytes(StandardCharsets.US_ASCII)) {
                h *= 0x01000193;
                h ^= b & 0xff;
            }
        }
        return SafeEncoding.encode(Integer.toUnsignedString(h));
    }

    public boolean sameData(ControllerRevision revision, Map<String, Object> data) {
        Object existing = revision.getData() == null ? Map.of() : serialization.convertValue(revision.getData(), Map.class);
        return serialization.asJson(sorted(existing)).equals(serialization.asJson(data));
    }

    /**
     * The revision holding {@code data}: an equal existing one (renumbered to the newest if it is not
     * already), else a new one; a name taken by different data bumps the collision count.
     */
    public Update ensure(HasMetadata parent, Map<String, String> labels, Map<String, Object> data,
                         List<ControllerRevision> revisions, int collisionCount) {
        List<ControllerRevision> sortedRevisions = byNumber(revisions);
        long next = sortedRevisions.isEmpty() ? 1 : sortedRevisions.getLast().getRevision() + 1;
        List<ControllerRevision> equal = sortedRevisions.stream().filter(r -> sameData(r, data)).toList();
        if (!equal.isEmpty()) {
            ControllerRevision found = equal.getLast();
            if (found == sortedRevisions.getLast()) {
                return new Update(found, collisionCount);
            }
            ControllerRevision renumbered = serialization.clone(found);
            renumbered.setRevision(next);
            return new Update(client.apps().controllerRevisions().resource(renumbered).update(), collisionCount);
        }
        String namespace = parent.getMetadata().getNamespace();
        while (true) {
            String hash = hash(data, collisionCount);
            Map<String, String> revisionLabels = new HashMap<>(labels == null ? Map.of() : labels);
            revisionLabels.put(HASH_LABEL, hash);
            ControllerRevision revision = new ControllerRevisionBuilder()
                    .withNewMetadata()
                    .withName(parent.getMetadata().getName() + "-" + hash)
                    .withNamespace(namespace)
                    .withLabels(revisionLabels)
                    .withOwnerReferences(Owners.controllerRef(parent))
                    .endMetadata()
                    .withData(data)
                    .withRevision(next)
                    .build();
            try {
                return new Update(client.apps().controllerRevisions().inNamespace(namespace).resource(revision).create(),
                        collisionCount);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HTTP_CONFLICT) {
                    throw e;
                }
                ControllerRevision taken = client.apps().controllerRevisions().inNamespace(namespace)
                        .withName(revision.getMetadata().getName()).get();
                if (taken != null && sameData(taken, data)
                        && parent.getMetadata().getUid().equals(Owners.controllerUid(taken))) {
                    return new Update(taken, collisionCount);
                }
                collisionCount++;
            }
        }
    }

    /** Deletes the oldest revisions that no pod runs beyond {@code limit} kept ones. */
    public void truncate(List<ControllerRevision> revisions, Set<String> liveNames, int limit) {
        List<ControllerRevision> history = new ArrayList<>(byNumber(revisions).stream()
                .filter(r -> !liveNames.contains(r.getMetadata().getName()))
                .toList());
        for (int i = 0; i < history.size() - limit; i++) {
            client.apps().controllerRevisions().resource(history.get(i)).delete();
        }
    }

    public static List<ControllerRevision> byNumber(List<ControllerRevision> revisions) {
        return revisions.stream()
                .sorted(Comparator.comparing((ControllerRevision r) -> Objects.requireNonNullElse(r.getRevision(), 0L))
                        .thenComparing(r -> r.getMetadata().getName()))
                .toList();
    }

    /** A copy of a JSON-like tree with every map's keys in order, as Go's encoder writes them. */
    @SuppressWarnings("unchecked")
    private static <T> T sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(ControllerHistory::sorted).toList();
        }
        return (T) value;
    }
}
