package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.discovery.Discovery;
import io.kube4j.apiserver.metrics.MetricsEndpoint;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.Registries;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: authenticates, routes to health, version, discovery, OpenAPI or resource
 * endpoints, and turns every failure into a Status response (never an HTML error page).
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Set<String> PUBLIC_PATHS = Set.of("/healthz", "/livez", "/readyz", "/version");

    private final Authenticator authenticator;
    private final Registries registries;
    private final Supplier<Discovery> discovery;
    private final OpenApiEndpoint openApi;
    private final ResourceEndpoint resources;
    private final Subresources subresources;
    private final AccessReviews accessReviews;
    private final MetricsEndpoint metrics;
    private final ObjectNode version;
    private final Supplier<Boolean> ready;

    public ApiHandler(Authenticator authenticator, Registries registries, Supplier<Discovery> discovery,
                      OpenApiEndpoint openApi, ResourceEndpoint resources, Subresources subresources,
                      AccessReviews accessReviews, MetricsEndpoint metrics, ObjectNode version, Supplier<Boolean> ready) {
        this.authenticator = authenticator;
        this.registries = registries;
        this.discovery = discovery;
        this.openApi = openApi;
        this.resources = resources;
        this.subresources = subresources;
        this.accessReviews = accessReviews;
        this.metrics = metrics;
        this.version = version;
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Authenticator.User user = authenticator.authenticate(request);
        Exchange ex = new Exchange(request, response, callback, user == null ? null : user.name(),
                user == null ? java.util.List.of() : user.groups());
        try {
            route(ex, user != null);
            if (!ex.handedOff()) {
                callback.succeeded();
            }
        } catch (ApiException e) {
            fail(ex, e, callback);
        } catch (UncheckedIOException e) {
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.method(), ex.path(), e);
            fail(ex, ApiException.internal(String.valueOf(e.getMessage())), callback);
        }
        return true;
    }

    private void fail(Exchange ex, ApiException e, Callback callback) {
        if (ex.committed()) {
            callback.failed(e);
            return;
        }
        try {
            ex.discardUnreadBody();
            ex.sendJson(e.code(), e.toStatus());
            callback.succeeded();
        } catch (RuntimeException writeFailure) {
            callback.failed(writeFailure);
        }
    }

    private void route(Exchange ex, boolean authenticated) {
        String path = ex.path();
        String base = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (isHealth(base)) {
            boolean ok = !base.startsWith("/readyz") || ready.get();
            ex.sendText(ok ? 200 : 503, ok ? "ok" : "not ready");
            return;
        }
        if (base.equals("/version")) {
            ex.sendJson(200, version);
            return;
        }
        if (!authenticated && !PUBLIC_PATHS.contains(base)) {
            throw ApiException.unauthorized();
        }
        String accept = ex.header(HttpHeader.ACCEPT);
        switch (base) {
            case "/api" -> {
                if (Discovery.aggregatedWanted(accept)) {
                    ex.send(200, Discovery.AGGREGATED_CONTENT_TYPE, Json.bytes(discovery.get().aggregated(true)));
                } else {
                    ex.sendJson(200, discovery.get().apiVersions());
                }
                return;
            }
            case "/apis" -> {
                if (Discovery.aggregatedWanted(accept)) {
                    ex.send(200, Discovery.AGGREGATED_CONTENT_TYPE, Json.bytes(discovery.get().aggregated(false)));
                } else {
                    ex.sendJson(200, discovery.get().apiGroupList());
                }
                return;
            }
            default -> {
            }
        }
        if (base.startsWith("/openapi/")) {
            openApi.serve(ex, base);
            return;
        }
        String[] parts = base.substring(1).split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            sendDiscovery(ex, discovery.get().resourceList("", parts[1]));
            return;
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            sendDiscovery(ex, discovery.get().apiGroup(parts[1]));
            return;
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            sendDiscovery(ex, discovery.get().resourceList(parts[1], parts[2]));
            return;
        }
        RequestInfo info = RequestInfo.parse(base);
        if (info == null) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        if (info.group().equals("authorization.k8s.io") && info.resource().equals("selfsubjectaccessreviews")) {
            accessReviews.serve(ex);
            return;
        }
        if (info.group().equals(MetricsEndpoint.GROUP)) {
            metrics.serve(ex, info, ResourceEndpoint.listOptions(ex));
            return;
        }
        if (info.group().isEmpty() && info.resource().equals("bindings") && info.name() == null
                && ex.method().equals("POST") && info.namespace() != null) {
            subresources.bindCollection(ex, registries.find("", "v1", "pods"), info.namespace());
            return;
        }
        GenericRegistry registry = registries.find(info.group(), info.version(), info.resource());
        if (registry == null) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        if (info.subresource() != null) {
            subresources.serve(ex, info, registry);
        } else {
            resources.serve(ex, info, registry);
        }
    }

    private static boolean isHealth(String path) {
        return path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")
                || path.startsWith("/healthz/") || path.startsWith("/livez/") || path.startsWith("/readyz/");
    }

    private static void sendDiscovery(Exchange ex, ObjectNode doc) {
        if (doc == null) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        ex.sendJson(200, doc);
    }
}
