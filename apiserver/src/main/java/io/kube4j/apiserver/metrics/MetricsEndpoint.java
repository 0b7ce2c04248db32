package io.kube4j.apiserver.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.apiserver.http.Exchange;
import io.kube4j.apiserver.http.RequestInfo;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.Registries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code metrics.k8s.io/v1beta1} NodeMetrics and PodMetrics (read-only, as metrics-server serves
 * them) for {@code kubectl top} and the HorizontalPodAutoscaler, from the current {@link MetricsSource}.
 */
public final class MetricsEndpoint {
    public static final String GROUP = "metrics.k8s.io";
    private static final String API_VERSION = "metrics.k8s.io/v1beta1";
    private static final String WINDOW = "10s";

    private final Registries registries;
    private volatile MetricsSource source = MetricsSource.NONE;

    public MetricsEndpoint(Registries registries) {
        this.registries = registries;
    }

    public void source(MetricsSource source) {
        this.source = source;
    }

    public void serve(Exchange ex, RequestInfo info, ListOptions options) {
        if (!ex.method().equals("GET") || info.subresource() != null) {
            throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        boolean nodes = info.resource().equals("nodes");
        if (!nodes && !info.resource().equals("pods")) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        GenericRegistry objects = registries.find("", "v1", info.resource());
        String ns = nodes ? null : info.namespace();
        if (info.name() != null) {
            JsonNode obj = objects.get(ns, info.name());
            ObjectNode metrics = metrics(obj, nodes).orElseThrow(() -> ApiException.notFound(
                    (nodes ? "nodemetrics" : "podmetrics") + ".metrics.k8s.io \"" + info.name() + "\" not found"));
            ex.sendJson(200, metrics);
            return;
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode obj : objects.list(ns, new ListOptions(options.labels(), null, 0, null, "")).items()) {
            metrics(obj, nodes).ifPresent(items::add);
        }
        ObjectNode list = Json.object().put("kind", nodes ? "NodeMetricsList" : "PodMetricsList").put("apiVersion", API_VERSION);
        list.putObject("metadata");
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        ex.sendJson(200, list);
    }

    private Optional<ObjectNode> metrics(JsonNode obj, boolean node) {
        Optional<MetricsSource.Usage> usage = node ? source.node(Meta.name(obj))
                : source.pod(Meta.namespace(obj), Meta.name(obj));
        return usage.map(u -> {
            ObjectNode m = Json.object().put("kind", node ? "NodeMetrics" : "PodMetrics").put("apiVersion", API_VERSION);
            ObjectNode meta = m.putObject("metadata").put("name", Meta.name(obj));
            if (!node) {
                meta.put("namespace", Meta.namespace(obj));
            }
            meta.put("creationTimestamp", u.timestamp().toString());
            if (obj.path("metadata").has("labels")) {
                meta.set("labels", obj.path("metadata").get("labels"));
            }
            m.put("timestamp", u.timestamp().toString()).put("window", WINDOW);
            if (node) {
                usage(m.putObject("usage"), u.cpuMillis(), u.memoryBytes());
            } else {
                JsonNode containers = obj.path("spec").path("containers");
                int n = Math.max(1, containers.size());
                ArrayNode list = m.putArray("containers");
                for (JsonNode c : containers) {
                    usage(list.addObject().put("name", c.path("name").asText()).putObject("usage"),
                            u.cpuMillis() / n, u.memoryBytes() / n);
                }
            }
            return m;
        });
    }

    private static void usage(ObjectNode usage, long cpuMillis, long memoryBytes) {
        usage.put("cpu", cpuMillis + "m").put("memory", (memoryBytes / 1024) + "Ki");
    }
}
