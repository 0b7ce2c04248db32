package io.kube4j.apiserver.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Admission;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import java.util.Map;

/**
 * Upstream's Priority admission: a new pod gets {@code spec.priority} (and preemptionPolicy) from
 * its PriorityClass, or from the class marked globalDefault when it names none; an unknown class
 * is refused. The two system classes always exist.
 */
public final class PriorityAdmission implements Admission {
    private static final String CLASSES = "/registry/scheduling.k8s.io/priorityclasses/";
    private static final Map<String, Integer> SYSTEM_CLASSES =
            Map.of("system-cluster-critical", 2_000_000_000, "system-node-critical", 2_000_001_000);

    private final WatchCache cache;

    public PriorityAdmission(WatchCache cache) {
        this.cache = cache;
    }

    @Override
    public void admitCreate(ResourceType type, ObjectNode pod) {
        if (!type.group().isEmpty() || !type.kind().equals("Pod")) {
            return;
        }
        ObjectNode spec = pod.withObjectProperty("spec");
        String name = Meta.text(spec.get("priorityClassName"));
        if (name != null && SYSTEM_CLASSES.containsKey(name)) {
            spec.put("priority", SYSTEM_CLASSES.get(name));
            return;
        }
        JsonNode priorityClass = name != null ? find(name) : globalDefault();
        if (name != null && priorityClass == null) {
            throw ApiException.forbidden("pods \"" + Meta.name(pod) + "\" is forbidden: no PriorityClass with name "
                    + name + " was found");
        }
        if (priorityClass == null) {
            return;
        }
        spec.put("priorityClassName", Meta.name(priorityClass));
        spec.put("priority", priorityClass.path("value").asInt());
        if (priorityClass.hasNonNull("preemptionPolicy")) {
            spec.set("preemptionPolicy", priorityClass.get("preemptionPolicy"));
        }
    }

    private JsonNode find(String name) {
        cache.awaitConsistent();
        CachedObject found = cache.get(CLASSES + name);
        return found == null ? null : found.object();
    }

    private JsonNode globalDefault() {
        for (CachedObject c : cache.list(CLASSES, null)) {
            if (c.object().path("globalDefault").asBoolean(false)) {
                return c.object();
            }
        }
        return null;
    }
}
