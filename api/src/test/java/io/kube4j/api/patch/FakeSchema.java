package io.kube4j.api.patch;

import io.kube4j.api.schema.TypeSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A hand-built {@link TypeSchema} for tests, with Pod-, Deployment-, Node- and Service-like shapes. */
public final class FakeSchema implements TypeSchema {

    private final Type type;
    private final Map<String, TypeSchema> properties = new LinkedHashMap<>();
    private final TypeSchema elements;
    private String strategy;
    private String mergeKey;

    private FakeSchema(Type type, TypeSchema elements) {
        this.type = type;
        this.elements = elements;
    }

    public static FakeSchema object() {
        return new FakeSchema(Type.OBJECT, null);
    }

    public static FakeSchema string() {
        return new FakeSchema(Type.STRING, null);
    }

    public static FakeSchema integer() {
        return new FakeSchema(Type.INTEGER, null);
    }

    public static FakeSchema bool() {
        return new FakeSchema(Type.BOOLEAN, null);
    }

    public static FakeSchema mapOf(TypeSchema values) {
        return new FakeSchema(Type.MAP, values);
    }

    public static FakeSchema listOf(TypeSchema items) {
        return new FakeSchema(Type.ARRAY, items);
    }

    /** A list merged by {@code key}. */
    public static FakeSchema mergedBy(String key, TypeSchema items) {
        return listOf(items).strategy("merge").mergeKey(key);
    }

    public FakeSchema with(String name, TypeSchema schema) {
        properties.put(name, schema);
        return this;
    }

    public FakeSchema strategy(String value) {
        strategy = value;
        return this;
    }

    public FakeSchema mergeKey(String value) {
        mergeKey = value;
        return this;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public TypeSchema property(String name) {
        return properties.get(name);
    }

    @Override
    public Set<String> propertyNames() {
        return properties.keySet();
    }

    @Override
    public TypeSchema elements() {
        return elements;
    }

    @Override
    public String patchStrategy() {
        return strategy;
    }

    @Override
    public String patchMergeKey() {
        return mergeKey;
    }

    public static FakeSchema objectMeta() {
        return object()
                .with("name", string())
                .with("namespace", string())
                .with("labels", mapOf(string()))
                .with("annotations", mapOf(string()))
                .with("finalizers", listOf(string()).strategy("merge"))
                .with("ownerReferences", mergedBy("uid", object().with("uid", string()).with("name", string())));
    }

    public static FakeSchema container() {
        return object()
                .with("name", string())
                .with("image", string())
                .with("args", listOf(string()))
                .with("ports", mergedBy("containerPort", object()
                        .with("containerPort", integer()).with("name", string()).with("protocol", string())))
                .with("env", mergedBy("name", object().with("name", string()).with("value", string())))
                .with("volumeMounts", mergedBy("mountPath", object()
                        .with("mountPath", string()).with("name", string()).with("readOnly", bool())))
                .with("resources", object().with("limits", mapOf(string())).with("requests", mapOf(string())));
    }

    public static FakeSchema podSpec() {
        FakeSchema volume = object()
                .with("name", string())
                .with("emptyDir", object().with("medium", string()))
                .with("configMap", object().with("name", string()))
                .with("hostPath", object().with("path", string()));
        return object()
                .with("containers", mergedBy("name", container()))
                .with("initContainers", mergedBy("name", container()))
                .with("volumes", mergedBy("name", volume).strategy("merge,retainKeys"))
                .with("nodeName", string())
                .with("tolerations", listOf(object().with("key", string()).with("effect", string())));
    }

    public static FakeSchema pod() {
        return object()
                .with("apiVersion", string())
                .with("kind", string())
                .with("metadata", objectMeta())
                .with("spec", podSpec());
    }

    public static FakeSchema deployment() {
        return object()
                .with("apiVersion", string())
                .with("kind", string())
                .with("metadata", objectMeta())
                .with("spec", object()
                        .with("replicas", integer())
                        .with("paused", bool())
                        .with("selector", object().with("matchLabels", mapOf(string())))
                        .with("template", object().with("metadata", objectMeta()).with("spec", podSpec())));
    }

    public static FakeSchema node() {
        return object()
                .with("apiVersion", string())
                .with("kind", string())
                .with("metadata", objectMeta())
                .with("spec", object()
                        .with("unschedulable", bool())
                        .with("taints", listOf(object()
                                .with("key", string()).with("value", string()).with("effect", string()))));
    }

    public static FakeSchema service() {
        return object()
                .with("apiVersion", string())
                .with("kind", string())
                .with("metadata", objectMeta())
                .with("spec", object()
                        .with("selector", mapOf(string()))
                        .with("ports", mergedBy("port", object()
                                .with("port", integer()).with("name", string()).with("targetPort", integer()))));
    }
}
