package io.kube4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The few Kubernetes REST calls the workloads make, sending and receiving raw JSON bytes so that
 * the client adds as little work as possible to what is measured. One instance per connection.
 */
public final class ApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    ApiClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A response body with its content type. */
    public record Body(String contentType, byte[] bytes) {
    }

    /** POSTs {@code json} to a collection, e.g. {@code /api/v1/namespaces/ns/configmaps}. */
    public void create(String collectionPath, byte[] json) {
        send(request(collectionPath).POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json").build());
    }

    /** PUTs {@code json} over an existing object, without a resourceVersion (an unconditional update). */
    void replace(String objectPath, byte[] json) {
        send(request(objectPath).PUT(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json").build());
    }

    /** PATCHes an object with a body of {@code contentType}, e.g. application/strategic-merge-patch+json. */
    public void patch(String objectPath, String contentType, byte[] json) {
        send(request(objectPath).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", contentType).build());
    }

    /** DELETEs an object, sending {@code deleteOptions} (a DeleteOptions JSON) as kubectl does. */
    public void delete(String objectPath, byte[] deleteOptions) {
        send(request(objectPath).method("DELETE", HttpRequest.BodyPublishers.ofByteArray(deleteOptions))
                .header("Content-Type", "application/json").build());
    }

    public Body get(String path, String accept) {
        HttpResponse<byte[]> response = send(request(path).GET().header("Accept", accept).build());
        return new Body(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** The resourceVersion of a collection (what a watch starts after). */
    public String collectionResourceVersion(String collectionPath) {
        byte[] list = get(collectionPath + "?limit=1", "application/json").bytes();
        try {
            return JSON.readTree(list).path("metadata").path("resourceVersion").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse the list of " + collectionPath + ": " + e.getMessage(), e);
        }
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /** Closes the connection at once, aborting what is still in flight (a watch that was not closed). */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
