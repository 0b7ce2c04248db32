package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** One entry of {@code metadata.managedFields}: a manager, how it wrote, and the fields it owns. */
record ManagerEntry(String manager, String operation, String apiVersion, String time, String subresource,
                    FieldSet fields) {

    static final String APPLY = "Apply";

    /** Whether both entries stand for the same manager: appliers are one manager across API versions. */
    boolean sameManager(ManagerEntry other) {
        return manager.equals(other.manager) && operation.equals(other.operation)
                && Objects.equals(subresource, other.subresource)
                && (operation.equals(APPLY) || Objects.equals(apiVersion, other.apiVersion));
    }

    ManagerEntry withFields(FieldSet newFields) {
        return new ManagerEntry(manager, operation, apiVersion, time, subresource, newFields);
    }

    /** How conflicts name the manager, e.g. {@code "kubectl-client-side-apply" using apps/v1}. */
    String describe() {
        String name = '"' + manager + '"';
        if (subresource != null) {
            name += " with subresource \"" + subresource + '"';
        }
        return operation.equals(APPLY) ? name : name + " using " + apiVersion;
    }

    /** Parses an entry; null for one that is not in FieldsV1 form. */
    static ManagerEntry fromJson(JsonNode entry) {
        if (!entry.path("fieldsType").asText().equals("FieldsV1") || !entry.path("manager").isTextual()) {
            return null;
        }
        return new ManagerEntry(entry.get("manager").asText(), entry.path("operation").asText(),
                entry.path("apiVersion").asText(null), entry.path("time").asText(null),
                entry.path("subresource").asText(null), FieldSet.fromFieldsV1(entry.path("fieldsV1")));
    }

    ObjectNode toJson() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("manager", manager);
        entry.put("operation", operation);
        if (apiVersion != null) {
            entry.put("apiVersion", apiVersion);
        }
        if (time != null) {
            entry.put("time", time);
        }
        entry.put("fieldsType", "FieldsV1");
        entry.set("fieldsV1", fields.toFieldsV1());
        if (subresource != null) {
            entry.put("subresource", subresource);
        }
        return entry;
    }
}
