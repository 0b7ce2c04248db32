package io.kube4j.bench;

import java.nio.charset.StandardCharsets;

/** The JSON bodies the workloads send: the same bytes go to kube4j, the mock and the raw store. */
public final class Manifests {

    private Manifests() {
    }

    public static byte[] namespace(String name) {
        return utf8("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s"}}""".formatted(name));
    }

    static String configMapName(int index) {
        return "cm-%06d".formatted(index);
    }

    /**
     * A ConfigMap with four data keys, about 200 bytes of data; {@code seq} is a label that lets a
     * watcher tell which write an event comes from.
     */
    static byte[] configMap(String namespace, int index, int seq) {
        StringBuilder data = new StringBuilder();
        for (int key = 0; key < 4; key++) {
            if (key > 0) {
                data.append(',');
            }
            data.append("\"key-").append(key).append("\":\"")
                    .append("value %d of item %06d, written by the kube4j benchmark".formatted(key, index))
                    .append('"');
        }
        return utf8("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"%s","labels":{"app":"bench","seq":"%d"}},"data":{%s}}"""
                .formatted(configMapName(index), namespace, seq, data));
    }

    static byte[] pod(String namespace, int index) {
        return utf8("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-%06d","namespace":"%s","labels":{"app":"bench"}},"spec":{"containers":[{"name":"app","image":"registry.k8s.io/pause:3.10","ports":[{"containerPort":8080}],"resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}],"restartPolicy":"Always"}}"""
                .formatted(index, namespace));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
