package io.kube4j.apiserver.registry.conversion;

import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Conversion;
import java.util.List;

/** Which built-in resources are served from another version's storage, as upstream stores them. */
public final class StoredVersions {
    private StoredVersions() {
    }

    /** The conversion serving {@code type} from its storage version, or null if stored as itself. */
    public static Conversion conversion(ResourceType type, List<ResourceType> all) {
        if (type.group().equals("autoscaling") && type.version().equals("v1")) {
            return new HpaV1Conversion(type, find(all, "autoscaling/v2", "HorizontalPodAutoscaler"));
        }
        if (type.group().equals("events.k8s.io")) {
            return RenamingConversion.eventsV1(type, find(all, "v1", "Event"));
        }
        return null;
    }

    private static ResourceType find(List<ResourceType> all, String apiVersion, String kind) {
        return all.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no stored version " + apiVersion + " " + kind));
    }
}
