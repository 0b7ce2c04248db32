package io.kube4j.apiserver.http;

import io.kube4j.api.openapi.OpenApiDocument;
import io.kube4j.apiserver.ServedSchemas;
import io.kube4j.apiserver.registry.ApiException;

/**
 * {@code /openapi/v2} and {@code /openapi/v3[/<group-version>]}. A v3 document requested with the
 * hash the index advertises is immutable, so clients (kubectl) may cache it on disk.
 */
public final class OpenApiEndpoint {
    private final ServedSchemas schemas;

    public OpenApiEndpoint(ServedSchemas schemas) {
        this.schemas = schemas;
    }

    public void serve(Exchange ex, String path) {
        if (path.equals("/openapi/v2")) {
            if (ex.header(org.eclipse.jetty.http.HttpHeader.ACCEPT) != null
                    && ex.header(org.eclipse.jetty.http.HttpHeader.ACCEPT).startsWith("application/com.github.proto-openapi")) {
                throw new ApiException(406, "NotAcceptable", "only application/json is supported for /openapi/v2",
                        null, null, null, java.util.List.of());
            }
            send(ex, schemas.openApiV2(), false);
            return;
        }
        if (path.equals("/openapi/v3")) {
            send(ex, schemas.openApiV3().index(), false);
            return;
        }
        if (path.startsWith("/openapi/v3/")) {
            OpenApiDocument doc = schemas.openApiV3().document(path.substring("/openapi/v3/".length()));
            if (doc != null) {
                String hash = ex.param("hash");
                send(ex, doc, hash != null && hash.equals(doc.hash()));
                return;
            }
        }
        throw ApiException.notFound("the server could not find the requested resource");
    }

    private static void send(Exchange ex, OpenApiDocument doc, boolean immutable) {
        ex.header("Cache-Control", immutable ? "public, immutable" : "no-cache, private");
        ex.header("Etag", "\"" + doc.hash() + "\"");
        ex.send(200, OpenApiDocument.CONTENT_TYPE, doc.bytes());
    }
}
