package io.kube4j.api.schema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upstream's names for schema definitions ({@code io.k8s.api.core.v1.PodSpec}) and the mapping
 * from fabric8 model packages to them.
 */
public final class SchemaNames {
    public static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    public static final String OBJECT_META = META + "ObjectMeta";
    public static final String LIST_META = META + "ListMeta";
    public static final String STATUS = META + "Status";
    public static final String DELETE_OPTIONS = META + "DeleteOptions";
    public static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    /** How a definition is referenced inside an OpenAPI v3 document and our derived schemas. */
    public static final String V3_REF_PREFIX = "#/components/schemas/";

    private static final String FABRIC8_MODEL = "io.fabric8.kubernetes.api.model";
    private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");

    /** Classes of fabric8's core package that upstream defines in apimachinery's meta/v1. */
    private static final Set<String> META_TYPES = Set.of(
            "ObjectMeta", "ListMeta", "OwnerReference", "ManagedFieldsEntry", "FieldsV1", "LabelSelector",
            "LabelSelectorRequirement", "FieldSelectorRequirement", "Condition", "DeleteOptions", "Preconditions",
            "Status", "StatusDetails", "StatusCause");

    private SchemaNames() {
    }

    public static String ref(String definitionName) {
        return V3_REF_PREFIX + definitionName;
    }

    /** The definition name a {@code $ref} points to, whatever the document's prefix. */
    public static String fromRef(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Upstream's definition name of a fabric8 model class. */
    public static String forClass(Class<?> modelClass) {
        String pkg = modelClass.getPackageName();
        String simple = modelClass.getSimpleName();
        if (!pkg.equals(FABRIC8_MODEL) && !pkg.startsWith(FABRIC8_MODEL + ".")) {
            throw new IllegalArgumentException("not a fabric8 Kubernetes model class: " + modelClass.getName());
        }
        if (pkg.equals(FABRIC8_MODEL)) {
            if (simple.equals("Quantity")) {
                return QUANTITY;
            }
            if (simple.equals("IntOrString")) {
                return INT_OR_STRING;
            }
            return (META_TYPES.contains(simple) ? META : "io.k8s.api.core.v1.") + simple;
        }
        return upstreamPackage(pkg.substring(FABRIC8_MODEL.length() + 1)) + "." + simple;
    }

    /** {@code apps} → {@code io.k8s.api.apps.v1}, {@code batch.v1} → {@code io.k8s.api.batch.v1}. */
    private static String upstreamPackage(String groupPackage) {
        int lastDot = groupPackage.lastIndexOf('.');
        String last = groupPackage.substring(lastDot + 1);
        boolean versioned = lastDot > 0 && VERSION.matcher(last).matches();
        String group = versioned ? groupPackage.substring(0, lastDot) : groupPackage;
        String version = versioned ? last : "v1";
        if (group.equals("apiextensions")) {
            return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + version;
        }
        return "io.k8s.api." + group + "." + version;
    }
}
