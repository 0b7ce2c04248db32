package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ObjectWriter} over the fabric8 client. */
public final class ApiObjectWriter implements ObjectWriter {
    private final KubernetesClient client;

    public ApiObjectWriter(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public <T extends HasMetadata> T create(T obj) {
        return client.resource(obj).create();
    }

    @Override
    public <T extends HasMetadata> T update(T obj) {
        return client.resource(obj).update();
    }

    @Override
    public <T extends HasMetadata> T updateStatus(T obj) {
        return client.resource(obj).updateStatus();
    }

    @Override
    public void delete(HasMetadata obj, String propagationPolicy) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("apiVersion", "v1");
        options.put("kind", "DeleteOptions");
        options.put("propagationPolicy", propagationPolicy);
        options.put("preconditions", Map.of("uid", obj.getMetadata().getUid()));
        client.raw(path(obj), "DELETE", options);
    }

    @Override
    public void writeOwners(HasMetadata obj, List<OwnerReference> owners) {
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "test", "path", "/metadata/uid", "value", obj.getMetadata().getUid()),
                Map.of("op", "add", "path", "/metadata/ownerReferences", "value", owners));
        jsonPatch(obj, patch);
    }

    @Override
    public void removeFinalizer(HasMetadata obj, String finalizer) {
        List<String> before = obj.getMetadata().getFinalizers() == null ? List.of() : obj.getMetadata().getFinalizers();
        List<String> after = new ArrayList<>(before);
        after.remove(finalizer);
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "test", "path", "/metadata/uid", "value", obj.getMetadata().getUid()),
                Map.of("op", "test", "path", "/metadata/finalizers", "value", before),
                Map.of("op", "replace", "path", "/metadata/finalizers", "value", after));
        jsonPatch(obj, patch);
    }

    @Override
    public <T extends HasMetadata> T fresh(T obj) {
        return client.resource(obj).get();
    }

    private void jsonPatch(HasMetadata obj, List<Map<String, Object>> patch) {
        client.resource(obj).patch(PatchContext.of(PatchType.JSON), client.getKubernetesSerialization().asJson(patch));
    }

    /** The object's URL path, e.g. {@code /apis/apps/v1/namespaces/default/replicasets/web-abc}. */
    static String path(HasMetadata obj) {
        Class<? extends HasMetadata> type = obj.getClass();
        String group = HasMetadata.getGroup(type);
        StringBuilder path = new StringBuilder(group == null || group.isEmpty() ? "/api/" : "/apis/" + group + "/")
                .append(HasMetadata.getVersion(type));
        if (obj instanceof Namespaced) {
            path.append("/namespaces/").append(obj.getMetadata().getNamespace());
        }
        return path.append('/').append(HasMetadata.getPlural(type)).append('/').append(obj.getMetadata().getName())
                .toString();
    }
}
