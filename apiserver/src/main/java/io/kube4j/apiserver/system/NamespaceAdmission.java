package io.kube4j.apiserver.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.registry.Admission;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;

/**
 * Upstream's NamespaceLifecycle admission: namespaced objects may only be created in a namespace
 * that exists and is not being terminated.
 */
public final class NamespaceAdmission implements Admission {
    private static final String NAMESPACES = "/registry/core/namespaces/";

    private final WatchCache cache;

    public NamespaceAdmission(WatchCache cache) {
        this.cache = cache;
    }

    @Override
    public void admitCreate(ResourceType type, ObjectNode obj) {
        if (!type.namespaced()) {
            return;
        }
        String ns = Meta.namespace(obj);
        cache.awaitConsistent();
        CachedObject namespace = cache.get(NAMESPACES + ns);
        if (namespace == null) {
            throw new ApiException(404, "NotFound", "namespaces \"" + ns + "\" not found", ns, "", "namespaces",
                    java.util.List.of());
        }
        if (Meta.isDeleting(namespace.object())) {
            throw ApiException.forbidden(type.plural() + " \"" + Meta.name(obj) + "\" is forbidden: unable to create new "
                    + "content in namespace " + ns + " because it is being terminated");
        }
    }
}
