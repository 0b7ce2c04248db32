package io.kube4j.apiserver.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Admission;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import java.util.Comparator;
import java.util.Optional;

/**
 * Upstream's DefaultStorageClass admission: a new PersistentVolumeClaim that names no class
 * (storageClassName absent; an empty name explicitly asks for none) gets the cluster's default
 * StorageClass, the newest of those annotated as default. Without it a claim stays class-less and
 * the scheduler treats it as bound immediately, like upstream.
 */
public final class DefaultStorageClassAdmission implements Admission {
    private static final String CLASSES = "/registry/storage.k8s.io/storageclasses/";
    private static final String IS_DEFAULT = "storageclass.kubernetes.io/is-default-class";
    private static final String IS_DEFAULT_BETA = "storageclass.beta.kubernetes.io/is-default-class";
    // Upstream's choice among several defaults: the newest, then the first by name.
    private static final Comparator<JsonNode> PREFERRED = Comparator
            .comparing((JsonNode c) -> c.path("metadata").path("creationTimestamp").asText(), Comparator.reverseOrder())
            .thenComparing(c -> c.path("metadata").path("name").asText());

    private final WatchCache cache;

    public DefaultStorageClassAdmission(WatchCache cache) {
        this.cache = cache;
    }

    @Override
    public void admitCreate(ResourceType type, ObjectNode claim) {
        if (!type.group().isEmpty() || !type.kind().equals("PersistentVolumeClaim")) {
            return;
        }
        ObjectNode spec = claim.withObjectProperty("spec");
        if (spec.hasNonNull("storageClassName")) {
            return;
        }
        defaultClass().ifPresent(name -> spec.put("storageClassName", name));
    }

    private Optional<String> defaultClass() {
        cache.awaitConsistent();
        return cache.list(CLASSES, null).stream()
                .map(CachedObject::object)
                .filter(DefaultStorageClassAdmission::isDefault)
                .min(PREFERRED)
                .map(Meta::name);
    }

    private static boolean isDefault(JsonNode storageClass) {
        JsonNode annotations = storageClass.path("metadata").path("annotations");
        return "true".equals(annotations.path(IS_DEFAULT).asText()) || "true".equals(annotations.path(IS_DEFAULT_BETA).asText());
    }
}
