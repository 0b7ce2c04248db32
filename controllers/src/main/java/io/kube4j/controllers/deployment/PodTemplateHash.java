package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.SafeEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code pod-template-hash} of a template: FNV-32a over the template's canonical form and the
 * deployment's collisionCount, rendered as upstream does: the decimal digits of the hash
 * {@link SafeEncoding safe-encoded}. The canonical form sorts keys and drops
 * what upstream's semantic equality cannot tell from absent: nulls, empty maps and lists, and the
 * zero values of the fields that are plain (non-pointer) bools and ints in Go's types, which
 * protobuf-decoded objects carry and JSON ones omit.
 */
final class PodTemplateHash {
    static final String LABEL = "pod-template-hash";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> ZERO_IS_ABSENT = Set.of(
            "generation", "stdin", "stdinOnce", "tty", "hostNetwork", "hostPID", "hostIPC", "readOnly", "hostPort");

    private PodTemplateHash() {
    }

    static String of(PodTemplateSpec template, Integer collisionCount) {
        int hash = 0x811c9dc5;
        for (byte b : SERIALIZATION.asJson(canonical(template, false)).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        if (collisionCount != null) {
            // little-endian uint32 in an 8-byte buffer, as upstream writes it
            for (int i = 0; i < 8; i++) {
                int b = i < 4 ? (collisionCount >>> (8 * i)) & 0xff : 0;
                hash = (hash ^ b) * 0x01000193;
            }
        }
        return SafeEncoding.encode(Integer.toUnsignedString(hash));
    }

    /** Whether two templates are the same apart from their pod-template-hash label. */
    static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return canonical(a, true).equals(canonical(b, true));
    }

    @SuppressWarnings("unchecked")
    private static Object canonical(PodTemplateSpec template, boolean withoutHashLabel) {
        Map<String, Object> tree = (Map<String, Object>) normalize(SERIALIZATION.convertValue(template, Map.class));
        if (withoutHashLabel && tree != null && tree.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("labels") instanceof Map<?, ?> labels) {
            labels.remove(LABEL);
            if (labels.isEmpty()) {
                metadata.remove("labels");
            }
            if (metadata.isEmpty()) {
                tree.remove("metadata");
            }
        }
        return tree == null ? Map.of() : tree;
    }

    private static boolean isZero(Object value) {
        return Boolean.FALSE.equals(value) || value instanceof Number number && number.longValue() == 0;
    }

    /** Sorted maps, with null, empty map and empty list values dropped. */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                Object n = normalize(v);
                if (n != null && !(ZERO_IS_ABSENT.contains(String.valueOf(k)) && isZero(n))) {
                    sorted.put(String.valueOf(k), n);
                }
            });
            return sorted.isEmpty() ? null : sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                Object n = normalize(item);
                items.add(n == null ? Map.of() : n);
            }
            return items.isEmpty() ? null : items;
        }
        return value;
    }
}
