package io.kube4j.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.openapi.OpenApiDocument;
import io.kube4j.api.openapi.OpenApiV2;
import io.kube4j.api.openapi.OpenApiV3;
import io.kube4j.api.printer.Printers;
import io.kube4j.api.printer.TablePrinter;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.schema.SchemaRegistry;
import io.kube4j.api.schema.TypeSchema;
import io.kube4j.apiserver.registry.Registries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas, table printers and OpenAPI documents of the resources being served: derived from the
 * model classes for built-in kinds, from their definitions for custom resources. The OpenAPI
 * documents are rebuilt lazily when the set of served resources changes.
 */
public final class ServedSchemas {
    private record Custom(JsonNode schema, TypeSchema typeSchema, TablePrinter printer) {
    }

    private record Documents(long generation, OpenApiV3 v3, OpenApiDocument v2) {
    }

    private final Registries registries;
    private final SchemaRegistry builtin = SchemaRegistry.builtin();
    private final Map<ResourceType, Custom> custom = new ConcurrentHashMap<>();
    private volatile Documents documents = new Documents(-1, null, null);

    public ServedSchemas(Registries registries) {
        this.registries = registries;
    }

    /** Declares a custom resource's schema ({@code openAPIV3Schema}) and printer columns. */
    public void registerCustom(ResourceType type, JsonNode openApiV3Schema, JsonNode printerColumns) {
        custom.put(type, new Custom(openApiV3Schema, builtin.forCustomResource(openApiV3Schema),
                Printers.forCustomResource(printerColumns)));
    }

    public void unregisterCustom(ResourceType type) {
        custom.remove(type);
    }

    /** The schema of a served resource (null when it accepts any fields). */
    public TypeSchema schema(ResourceType type) {
        Custom c = custom.get(type);
        return c != null ? c.typeSchema() : builtin.forKind(type.gvk());
    }

    public TablePrinter printer(ResourceType type) {
        Custom c = custom.get(type);
        return c != null ? c.printer() : Printers.forKind(type.group(), type.kind());
    }

    public OpenApiV3 openApiV3() {
        return current().v3();
    }

    public OpenApiDocument openApiV2() {
        return current().v2();
    }

    private Documents current() {
        Documents d = documents;
        long generation = registries.generation();
        if (d.generation() != generation) {
            synchronized (this) {
                d = documents;
                if (d.generation() != generation) {
                    var types = registries.types();
                    d = new Documents(generation, OpenApiV3.build(types, this::customSchema, builtin),
                            OpenApiV2.build(types, this::customSchema, builtin));
                    documents = d;
                }
            }
        }
        return d;
    }

    private JsonNode customSchema(ResourceType type) {
        Custom c = custom.get(type);
        return c == null ? null : c.schema();
    }
}
