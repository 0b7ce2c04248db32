package io.kube4j.apiserver.codec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kube4j.api.resource.GroupVersionKind;

/**
 * Decodes request bodies sent as {@code application/vnd.kubernetes.protobuf} (what kubectl's typed clients
 * send) into the JSON object the same request would carry as {@code application/json}.
 * Any kind of the built-in API groups is handled generically through its protobuf descriptor.
 * Thread-safe; build one and share it.
 */
public final class ProtobufDecoder {

    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private final ProtobufKinds kinds = new ProtobufKinds();
    private final ProtoJsonConverter converter = new ProtoJsonConverter(this::decode);

    /**
     * Decodes one enveloped object.
     *
     * @return the object as JSON, with {@code apiVersion} and {@code kind} taken from the envelope
     * @throws IllegalArgumentException if the body is not a well-formed protobuf object of a known kind
     */
    public ObjectNode decode(byte[] body) {
        ProtobufEnvelope envelope = ProtobufEnvelope.unwrap(body);
        GroupVersionKind kind = envelope.kind();
        Descriptor type = kinds.find(kind).orElseThrow(() -> new IllegalArgumentException(
                "no kind \"" + kind.kind() + "\" is registered for version \"" + kind.apiVersion() + "\""));
        DynamicMessage message;
        try {
            message = DynamicMessage.parseFrom(type, envelope.raw());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "unable to decode " + kind.kind() + " from protobuf: " + e.getMessage(), e);
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("apiVersion", kind.apiVersion());
        json.put("kind", kind.kind());
        json.setAll(converter.object(message));
        return json;
    }
}
