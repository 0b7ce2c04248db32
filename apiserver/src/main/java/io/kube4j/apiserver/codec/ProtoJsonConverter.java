package io.kube4j.apiserver.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.Function;

/**
 * Converts a Kubernetes protobuf message to the JSON the same object has on the wire, walking it through
 * its descriptor. The k8s.io generated.proto files name fields exactly as the JSON does; only the
 * apimachinery types with a custom JSON form (times, IntOrString, Quantity, embedded JSON, slice types)
 * need translating.
 */
final class ProtoJsonConverter {

    private static final String TIME = "k8s.io.apimachinery.pkg.apis.meta.v1.Time";
    private static final String MICRO_TIME = "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime";
    private static final String FIELDS_V1 = "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1";
    private static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";
    private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";

    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Decodes an object embedded in protobuf form (a RawExtension starting with the "k8s\0" magic). */
    private final Function<byte[], ObjectNode> embeddedProtobufDecoder;

    ProtoJsonConverter(Function<byte[], ObjectNode> embeddedProtobufDecoder) {
        this.embeddedProtobufDecoder = embeddedProtobufDecoder;
    }

    ObjectNode object(Message message) {
        ObjectNode node = JSON.objectNode();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            JsonNode value = field(message, field);
            if (value != null) {
                node.set(field.getName(), value);
            }
        }
        return node;
    }

    /** Optional (pointer) scalar fields of the built-in types whose zero or false value means something. */
    private static final java.util.Set<String> ZERO_MEANINGFUL = java.util.Set.of(
            "replicas", "minReplicas", "partition", "terminationGracePeriodSeconds", "activeDeadlineSeconds",
            "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes", "completions", "parallelism",
            "ttlSecondsAfterFinished", "suspend", "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
            "startingDeadlineSeconds", "revisionHistoryLimit", "progressDeadlineSeconds",
            "automountServiceAccountToken", "enableServiceLinks", "shareProcessNamespace", "setHostnameAsFQDN",
            "hostUsers", "runAsUser", "runAsGroup", "fsGroup", "runAsNonRoot", "privileged", "readOnlyRootFilesystem",
            "allowPrivilegeEscalation", "priority", "immutable", "optional", "defaultMode", "mode",
            "allocateLoadBalancerNodePorts", "expirationSeconds", "gracePeriodSeconds", "orphanDependents",
            "allowed", "denied", "value");

    private static boolean isZero(Object value) {
        return value instanceof Boolean b && !b || value instanceof Number n && n.doubleValue() == 0;
    }

    /** The field's JSON value, or null when the field counts as unset. */
    private JsonNode field(Message message, FieldDescriptor field) {
        if (field.isRepeated()) {
            if (message.getRepeatedFieldCount(field) == 0) {
                return null;
            }
            return field.isMapField() ? map(message, field) : array(message, field);
        }
        if (!message.hasField(field)) {
            return null;
        }
        Object value = message.getField(field);
        // client-go writes every non-pointer field, so an empty string, a zero or false means "not set"
        // (Go's omitempty), except in the optional (pointer) fields where the zero value is a choice.
        if (value instanceof String text && text.isEmpty() || value instanceof ByteString bytes && bytes.isEmpty()
                || isZero(value) && !ZERO_MEANINGFUL.contains(field.getName())) {
            return null;
        }
        return value(field, value);
    }

    private ArrayNode array(Message message, FieldDescriptor field) {
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            array.add(orNull(value(field, message.getRepeatedField(field, i))));
        }
        return array;
    }

    private ObjectNode map(Message message, FieldDescriptor field) {
        FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        ObjectNode object = JSON.objectNode();
        for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            Message entry = (Message) message.getRepeatedField(field, i);
            String key = String.valueOf(entry.getField(keyField));
            object.set(key, orNull(value(valueField, entry.getField(valueField))));
        }
        return object;
    }

    /** The JSON form of one value of the field; null for a message whose JSON form is absent. */
    private JsonNode value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT -> JSON.numberNode((Integer) value);
            case LONG -> integer((Long) value);
            case FLOAT -> JSON.numberNode((Float) value);
            case DOUBLE -> JSON.numberNode((Double) value);
            case BOOLEAN -> JSON.booleanNode((Boolean) value);
            case STRING -> JSON.textNode((String) value);
            case BYTE_STRING -> JSON.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> JSON.textNode(((EnumValueDescriptor) value).getName());
            case MESSAGE -> message((Message) value);
        };
    }

    private JsonNode message(Message message) {
        Descriptor type = message.getDescriptorForType();
        return switch (type.getFullName()) {
            case TIME -> time(message, RFC3339);
            case MICRO_TIME -> time(message, RFC3339_MICRO);
            case INT_OR_STRING -> intOrString(message);
            case QUANTITY -> nonEmptyText((String) message.getField(type.findFieldByName("string")));
            case RAW_EXTENSION -> embedded((ByteString) message.getField(type.findFieldByName("raw")));
            case FIELDS_V1 -> embedded((ByteString) message.getField(type.findFieldByName("Raw")));
            default -> isSliceType(type) ? array(message, type.getFields().getFirst()) : object(message);
        };
    }

    /** Go time.Time in UTC; the zero time is encoded as an empty message and means "unset". */
    private static JsonNode time(Message message, DateTimeFormatter format) {
        Descriptor type = message.getDescriptorForType();
        long seconds = (Long) message.getField(type.findFieldByName("seconds"));
        int nanos = (Integer) message.getField(type.findFieldByName("nanos"));
        if (seconds == 0 && nanos == 0) {
            return null;
        }
        return JSON.textNode(format.format(Instant.ofEpochSecond(seconds, nanos)));
    }

    /** IntOrString: type 0 carries intVal, type 1 strVal. */
    private static JsonNode intOrString(Message message) {
        Descriptor type = message.getDescriptorForType();
        long kind = (Long) message.getField(type.findFieldByName("type"));
        return kind == 1
                ? JSON.textNode((String) message.getField(type.findFieldByName("strVal")))
                : JSON.numberNode((Integer) message.getField(type.findFieldByName("intVal")));
    }

    /** Embedded object bytes: JSON normally, or a nested protobuf envelope. */
    private JsonNode embedded(ByteString raw) {
        if (raw.isEmpty()) {
            return null;
        }
        byte[] bytes = raw.toByteArray();
        if (ProtobufEnvelope.hasMagic(bytes)) {
            return embeddedProtobufDecoder.apply(bytes);
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("embedded object is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Go named slice types (metav1.Verbs, authorization ExtraValue, ...) are wrapped in a message with a
     * single repeated {@code items} field; their JSON form is the bare array.
     */
    private static boolean isSliceType(Descriptor type) {
        return type.getFields().size() == 1
                && type.getFields().getFirst().isRepeated()
                && type.getFields().getFirst().getName().equals("items");
    }

    /** An int64 as the node type Jackson gives the same number parsed from JSON, so trees compare equal. */
    private static JsonNode integer(long value) {
        return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
    }

    private static JsonNode nonEmptyText(String text) {
        return text.isEmpty() ? null : JSON.textNode(text);
    }

    private static JsonNode orNull(JsonNode node) {
        return node != null ? node : JSON.nullNode();
    }
}
