package io.kube4j.apiserver.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kube4j.api.resource.GroupVersionKind;
import io.kubernetes.client.proto.Runtime;
import java.util.Arrays;

/**
 * The Kubernetes protobuf wire envelope: the magic prefix "k8s\0" followed by a {@code runtime.Unknown}
 * message whose {@code typeMeta} names the object's kind and whose {@code raw} holds the object itself.
 */
record ProtobufEnvelope(GroupVersionKind kind, ByteString raw) {

    private static final byte[] MAGIC = {0x6B, 0x38, 0x73, 0x00};

    static boolean hasMagic(byte[] body) {
        return body.length >= MAGIC.length && Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static ProtobufEnvelope unwrap(byte[] body) {
        if (!hasMagic(body)) {
            throw new IllegalArgumentException(
                    "provided data does not appear to be a protobuf message, expected prefix " + Arrays.toString(MAGIC));
        }
        Runtime.Unknown unknown;
        try {
            unknown = Runtime.Unknown.parseFrom(ByteString.copyFrom(body, MAGIC.length, body.length - MAGIC.length));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("unable to decode protobuf envelope: " + e.getMessage(), e);
        }
        String apiVersion = unknown.getTypeMeta().getApiVersion();
        String kind = unknown.getTypeMeta().getKind();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new IllegalArgumentException("protobuf envelope is missing apiVersion or kind in typeMeta");
        }
        return new ProtobufEnvelope(GroupVersionKind.of(apiVersion, kind), unknown.getRaw());
    }
}
