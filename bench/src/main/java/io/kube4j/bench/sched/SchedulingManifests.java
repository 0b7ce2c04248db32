package io.kube4j.bench.sched;

import java.nio.charset.StandardCharsets;

/** The JSON bodies the scheduler benchmark sends. */
final class SchedulingManifests {
    static final String IMAGE = "registry.k8s.io/pause:3.10";
    static final String ROLLED_IMAGE = "registry.k8s.io/pause:3.9";
    /** A scheduler name nobody serves, so that the default scheduler leaves the pod alone. */
    static final String NO_SCHEDULER = "bench-none";
    static final byte[] DELETE_IN_BACKGROUND = utf8("""
            {"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}""");

    private SchedulingManifests() {
    }

    static String podName(String prefix, int index) {
        return "%s-%06d".formatted(prefix, index);
    }

    /** A pod requesting 100m cpu and 100Mi memory, as scheduler_perf's pod-default template does. */
    static byte[] pod(String namespace, String name, String schedulerName) {
        return utf8("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s","labels":{"app":"sched-bench"}},\
                "spec":{"schedulerName":"%s","containers":[{"name":"app","image":"%s",\
                "resources":{"requests":{"cpu":"100m","memory":"100Mi"}}}]}}"""
                .formatted(name, namespace, schedulerName, IMAGE));
    }

    static byte[] binding(String podName, String nodeName) {
        return utf8("""
                {"apiVersion":"v1","kind":"Binding","metadata":{"name":"%s"},"target":{"apiVersion":"v1","kind":"Node","name":"%s"}}"""
                .formatted(podName, nodeName));
    }

    /** A Deployment with the default RollingUpdate strategy (25% surge, 25% unavailable). */
    static byte[] deployment(String namespace, String name, int replicas) {
        return utf8("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s","namespace":"%2$s"},\
                "spec":{"replicas":%3$d,"selector":{"matchLabels":{"app":"%1$s"}},\
                "template":{"metadata":{"labels":{"app":"%1$s"}},"spec":{"containers":[{"name":"app","image":"%4$s",\
                "resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}}}}"""
                .formatted(name, namespace, replicas, IMAGE));
    }

    /** What {@code kubectl set image deployment/NAME app=IMAGE} sends. */
    static byte[] imagePatch(String image) {
        return utf8("""
                {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"%s"}]}}}}""".formatted(image));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
