package io.kube4j.apiserver.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.Registries;
import io.kube4j.apiserver.registry.UpdateTarget;
import io.kube4j.apiserver.registry.WriteOptions;
import java.util.List;

/**
 * The objects every cluster starts with: the system namespaces and the {@code kubernetes} service
 * (first service IP, port 443) with endpoints pointing at this API server.
 */
public final class Bootstrap {
    private static final List<String> NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private Bootstrap() {
    }

    public static void run(Registries registries, String kubernetesServiceIp, String advertiseAddress, int port) {
        GenericRegistry namespaces = registries.find("", "v1", "namespaces");
        for (String ns : NAMESPACES) {
            ObjectNode obj = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
            obj.putObject("metadata").put("name", ns);
            createIfMissing(namespaces, null, obj);
        }
        ObjectNode service = Json.object().put("apiVersion", "v1").put("kind", "Service");
        service.putObject("metadata").put("name", "kubernetes")
                .putObject("labels").put("component", "apiserver").put("provider", "kubernetes");
        ObjectNode spec = service.putObject("spec").put("type", "ClusterIP").put("clusterIP", kubernetesServiceIp);
        spec.putArray("ports").addObject().put("name", "https").put("port", 443).put("protocol", "TCP")
                .put("targetPort", port);
        createIfMissing(registries.find("", "v1", "services"), "default", service);
        ObjectNode endpoints = Json.object().put("apiVersion", "v1").put("kind", "Endpoints");
        endpoints.putObject("metadata").put("name", "kubernetes");
        ObjectNode subset = endpoints.putArray("subsets").addObject();
        subset.putArray("addresses").addObject().put("ip", advertiseAddress);
        subset.putArray("ports").addObject().put("name", "https").put("port", port).put("protocol", "TCP");
        GenericRegistry endpointRegistry = registries.find("", "v1", "endpoints");
        endpointRegistry.guaranteedUpdate("default", "kubernetes", current -> {
            ObjectNode desired = endpoints.deepCopy();
            if (current != null) {
                desired.set("metadata", current.get("metadata"));
            }
            return desired;
        }, WriteOptions.DEFAULT, true, UpdateTarget.MAIN);
    }

    /** Creates the object unless it exists (on every start after the first it does). */
    private static void createIfMissing(GenericRegistry registry, String ns, ObjectNode obj) {
        try {
            registry.get(ns, obj.path("metadata").path("name").asText());
            return;
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
        try {
            registry.create(ns, obj, WriteOptions.DEFAULT);
        } catch (ApiException e) {
            if (!"AlreadyExists".equals(e.reason())) {
                throw e;
            }
        }
    }
}
