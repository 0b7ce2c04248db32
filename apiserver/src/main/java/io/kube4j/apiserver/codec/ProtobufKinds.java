package io.kube4j.apiserver.codec;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kube4j.api.resource.GroupVersionKind;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a (group, version, kind) to the protobuf message describing it, derived from the generated.proto
 * files compiled into client-java-proto: the proto package {@code k8s.io.api.<group>.<version>} names the
 * API group version and every top-level message carrying {@code metadata} is a kind.
 */
final class ProtobufKinds {

    /** The GA API group versions whose objects typed clients send. */
    private static final List<FileDescriptor> API_FILES = List.of(
            V1.getDescriptor(), V1Admissionregistration.getDescriptor(), V1Apps.getDescriptor(),
            V1Authentication.getDescriptor(), V1Authorization.getDescriptor(), V1Autoscaling.getDescriptor(),
            V1Batch.getDescriptor(), V1Certificates.getDescriptor(), V1Networking.getDescriptor(),
            V1Policy.getDescriptor(), V1Rbac.getDescriptor(), V1Scheduling.getDescriptor(),
            V1Storage.getDescriptor());

    private static final String API_PACKAGE_PREFIX = "k8s.io.api.";

    /** Groups named after their proto package segment without the ".k8s.io" suffix (core is ""). */
    private static final Set<String> LEGACY_GROUP_NAMES = Set.of("apps", "autoscaling", "batch", "extensions", "policy");

    /** Option kinds that apimachinery registers into every group version (metav1.AddToGroupVersion). */
    private static final Set<String> META_OPTION_KINDS = Set.of(
            "CreateOptions", "DeleteOptions", "GetOptions", "ListOptions", "PatchOptions", "UpdateOptions");

    private final Map<GroupVersionKind, Descriptor> kinds = new HashMap<>();
    private final Map<String, Descriptor> metaOptions = new HashMap<>();

    ProtobufKinds() {
        for (FileDescriptor file : API_FILES) {
            String[] groupAndVersion = file.getPackage().substring(API_PACKAGE_PREFIX.length()).split("\\.");
            String group = apiGroupName(groupAndVersion[0]);
            String version = groupAndVersion[1];
            for (Descriptor message : file.getMessageTypes()) {
                if (isKind(message)) {
                    kinds.put(new GroupVersionKind(group, version, message.getName()), message);
                }
            }
        }
        for (Descriptor message : Meta.getDescriptor().getMessageTypes()) {
            if (META_OPTION_KINDS.contains(message.getName())) {
                metaOptions.put(message.getName(), message);
            }
        }
    }

    Optional<Descriptor> find(GroupVersionKind kind) {
        Descriptor options = metaOptions.get(kind.kind());
        return Optional.ofNullable(options != null ? options : kinds.get(kind));
    }

    private static boolean isKind(Descriptor message) {
        FieldDescriptor metadata = message.findFieldByName("metadata");
        return metadata != null && metadata.getType() == FieldDescriptor.Type.MESSAGE;
    }

    private static String apiGroupName(String packageSegment) {
        return switch (packageSegment) {
            case "core" -> "";
            case "rbac" -> "rbac.authorization.k8s.io";
            default -> LEGACY_GROUP_NAMES.contains(packageSegment) ? packageSegment : packageSegment + ".k8s.io";
        };
    }
}
