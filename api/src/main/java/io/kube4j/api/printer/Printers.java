package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Finds the Table printer of a kind, with the columns Kubernetes 1.32's API server uses. */
public final class Printers {
    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    /** For kinds without a printer of their own: name and age. */
    private static final TablePrinter DEFAULT = KindPrinter.of(
            (object, now) -> new Object[] {Json.name(object), Durations.sinceCreation(object, now)},
            Column.NAME, Column.AGE);

    /**
     * Upstream's generic printer for built-in kinds without a dedicated one (roles, limit ranges, CRDs):
     * name and the creation time in RFC 3339, UTC.
     */
    private static final TablePrinter CREATED_AT = KindPrinter.of(
            (object, now) -> new Object[] {Json.name(object), createdAt(object)},
            Column.NAME,
            new Column("Created At", "date", "", "Time the object was created.", 0));

    private static final Registry BUILT_IN = builtIn();

    private Printers() {
    }

    /**
     * The printer of a kind; {@code group} is {@code ""} for the core group. Kinds without a known printer get
     * Name and Age.
     */
    public static TablePrinter forKind(String group, String kind) {
        return BUILT_IN.find(group, kind).orElse(DEFAULT);
    }

    /**
     * The printer of a custom resource, from its CRD version's {@code additionalPrinterColumns}. A missing or
     * empty column list gives Name and Age.
     *
     * @throws IllegalArgumentException when a column's {@code jsonPath} is not in the supported subset
     */
    public static TablePrinter forCustomResource(JsonNode additionalPrinterColumns) {
        return CustomResourcePrinter.of(additionalPrinterColumns);
    }

    private static Registry builtIn() {
        Registry registry = new Registry();
        WorkloadPrinters.addTo(registry);
        NetworkPrinters.addTo(registry);
        ClusterPrinters.addTo(registry);
        ConfigPrinters.addTo(registry);
        StoragePrinters.addTo(registry);
        PolicyPrinters.addTo(registry);
        registry.add("", "Event", EventPrinter.CORE);
        registry.add("events.k8s.io", "Event", EventPrinter.EVENTS_API);
        registry.add("rbac.authorization.k8s.io", "Role", CREATED_AT);
        registry.add("rbac.authorization.k8s.io", "ClusterRole", CREATED_AT);
        registry.add("", "LimitRange", CREATED_AT);
        registry.add("apiextensions.k8s.io", "CustomResourceDefinition", CREATED_AT);
        return registry;
    }

    /** RFC 3339 in UTC, whole seconds; Go's zero time when the timestamp is missing, as upstream prints it. */
    private static String createdAt(JsonNode object) {
        Instant created = Json.instant(Json.at(object, "metadata", "creationTimestamp"));
        return created == null ? GO_ZERO_TIME : created.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
