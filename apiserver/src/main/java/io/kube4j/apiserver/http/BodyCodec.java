package io.kube4j.apiserver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.apiserver.codec.ProtobufDecoder;
import io.kube4j.apiserver.registry.ApiException;
import java.io.IOException;

/** Decodes request bodies in the media types clients send: JSON, YAML and Kubernetes protobuf. */
public final class BodyCodec {
    private final ProtobufDecoder protobuf = new ProtobufDecoder();

    /** Decodes an object body; {@code what} names the expected kind in error messages. */
    public ObjectNode decodeObject(String contentType, byte[] body, String what) {
        JsonNode node = decode(contentType, body);
        if (!(node instanceof ObjectNode obj)) {
            throw ApiException.badRequest("the object provided is unrecognized (must be of type " + what + "): "
                    + "expected a JSON object");
        }
        return obj;
    }

    public JsonNode decode(String contentType, byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the body of the request was empty");
        }
        try {
            return switch (contentType) {
                case "application/json", "", "application/json-patch+json", "application/merge-patch+json",
                     "application/strategic-merge-patch+json" -> Json.MAPPER.readTree(body);
                case "application/yaml", "application/apply-patch+yaml", "text/yaml", "application/x-yaml" ->
                        Json.YAML.readTree(body);
                case "application/vnd.kubernetes.protobuf" -> protobuf.decode(body);
                default -> throw ApiException.unsupportedMediaType(contentType);
            };
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("unable to read the request body: " + e.getMessage());
        }
    }
}
