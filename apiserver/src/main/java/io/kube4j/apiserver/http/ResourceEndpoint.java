package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.api.selector.FieldSelector;
import io.kube4j.api.selector.LabelSelector;
import io.kube4j.apiserver.registry.ApiException;
import io.kube4j.apiserver.registry.DeleteOptions;
import io.kube4j.apiserver.registry.GenericRegistry;
import io.kube4j.apiserver.registry.ListOptions;
import io.kube4j.apiserver.registry.ListResult;
import io.kube4j.apiserver.registry.WriteOptions;
import java.util.List;

/**
 * The verbs on a resource collection or object: get, list, watch, create, update, patch, delete,
 * deletecollection, and the status subresource. Other subresources are in {@link Subresources}.
 */
public final class ResourceEndpoint {
    private final BodyCodec codec;
    private final Tables tables;
    private final Patcher patcher;
    private final FieldValidation validation;
    private final WatchStream watches;
    private final PrinterLookup printers;

    public ResourceEndpoint(BodyCodec codec, Tables tables, Patcher patcher, FieldValidation validation,
                            WatchStream watches, PrinterLookup printers) {
        this.codec = codec;
        this.tables = tables;
        this.patcher = patcher;
        this.validation = validation;
        this.watches = watches;
        this.printers = printers;
    }

    public void serve(Exchange ex, RequestInfo info, GenericRegistry registry) {
        ResourceType type = registry.type();
        String ns = type.namespaced() ? info.namespace() : null;
        if (!type.namespaced() && info.namespace() != null) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        String verb = verb(ex, info);
        if (!type.verbs().contains(verb)) {
            throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        if (type.namespaced() && ns == null && info.name() != null) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        if (type.namespaced() && ns == null && verb.equals("create")) {
            throw ApiException.notFound("the server could not find the requested resource");
        }
        switch (verb) {
            case "get" -> sendObject(ex, registry, registry.get(ns, info.name()), 200);
            case "list" -> list(ex, registry, ns);
            case "watch" -> watches.serve(ex, registry, ns, listOptions(ex), printers.printer(type));
            case "create" -> create(ex, registry, ns);
            case "update" -> {
                ObjectNode obj = decodeValidated(ex, type, ex.body());
                ObjectNode updated = registry.update(ns, info.name(), obj, writeOptions(ex));
                sendObject(ex, registry, updated, 200);
            }
            case "patch" -> sendObject(ex, registry, patcher.patch(ex, registry, ns, info.name(), false), 200);
            case "delete" -> {
                ObjectNode deleted = registry.delete(ns, info.name(), deleteOptions(ex));
                sendObject(ex, registry, deleted, 200);
            }
            case "deletecollection" -> {
                List<ObjectNode> deleted = registry.deleteCollection(ns, listOptions(ex), deleteOptions(ex));
                ex.sendJson(200, list(type, deleted, null, null));
            }
            default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    /** GET/PUT/PATCH on the status subresource. */
    public void serveStatus(Exchange ex, RequestInfo info, GenericRegistry registry) {
        String ns = registry.type().namespaced() ? info.namespace() : null;
        switch (ex.method()) {
            case "GET" -> sendObject(ex, registry, registry.get(ns, info.name()), 200);
            case "PUT" -> {
                ObjectNode obj = decodeValidated(ex, registry.type(), ex.body());
                sendObject(ex, registry, registry.updateStatus(ns, info.name(), obj, writeOptions(ex)), 200);
            }
            case "PATCH" -> sendObject(ex, registry, patcher.patch(ex, registry, ns, info.name(), true), 200);
            default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private void create(Exchange ex, GenericRegistry registry, String ns) {
        ObjectNode obj = decodeValidated(ex, registry.type(), ex.body());
        sendObject(ex, registry, registry.create(ns, obj, writeOptions(ex)), 201);
    }

    private ObjectNode decodeValidated(Exchange ex, ResourceType type, byte[] body) {
        ObjectNode obj = codec.decodeObject(ex.contentType(), body, type.kind());
        validation.check(ex, type, obj);
        return obj;
    }

    private void list(Exchange ex, GenericRegistry registry, String ns) {
        ListResult result = registry.list(ns, listOptions(ex));
        String rv = Long.toString(result.resourceVersion());
        if (Tables.wanted(ex.header(org.eclipse.jetty.http.HttpHeader.ACCEPT))) {
            ex.sendJson(200, tables.table(printers.printer(registry.type()), result.items(), rv,
                    result.continueToken(), ex.param("includeObject"), true));
        } else {
            ex.sendJson(200, list(registry.type(), result.items(), rv, result.continueToken()));
        }
    }

    private void sendObject(Exchange ex, GenericRegistry registry, ObjectNode obj, int status) {
        if (Tables.wanted(ex.header(org.eclipse.jetty.http.HttpHeader.ACCEPT))) {
            ex.sendJson(status, tables.table(printers.printer(registry.type()), List.of(obj),
                    Meta.resourceVersion(obj), null, ex.param("includeObject"), true));
        } else {
            ex.sendJson(status, obj);
        }
    }

    static ObjectNode list(ResourceType type, List<ObjectNode> items, String rv, String continueToken) {
        ObjectNode list = Json.object().put("kind", type.listKind()).put("apiVersion", type.apiVersion());
        ObjectNode meta = list.putObject("metadata");
        if (rv != null) {
            meta.put("resourceVersion", rv);
        }
        if (continueToken != null) {
            meta.put("continue", continueToken);
        }
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static String verb(Exchange ex, RequestInfo info) {
        boolean collection = info.name() == null;
        return switch (ex.method()) {
            case "GET", "HEAD" -> collection ? (info.legacyWatch() || ex.flag("watch") ? "watch" : "list")
                    : info.legacyWatch() ? "watch" : "get";
            case "POST" -> collection ? "create" : "unsupported";
            case "PUT" -> collection ? "unsupported" : "update";
            case "PATCH" -> collection ? "unsupported" : "patch";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> "unsupported";
        };
    }

    static ListOptions listOptions(Exchange ex) {
        LabelSelector labels = null;
        FieldSelector fields = null;
        try {
            if (ex.param("labelSelector") != null) {
                labels = LabelSelector.parse(ex.param("labelSelector"));
            }
            if (ex.param("fieldSelector") != null) {
                fields = FieldSelector.parse(ex.param("fieldSelector"));
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unable to parse requirement: " + e.getMessage());
        }
        int limit = 0;
        if (ex.param("limit") != null) {
            try {
                limit = Integer.parseInt(ex.param("limit"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit: Invalid value: \"" + ex.param("limit") + "\": must be an integer");
            }
        }
        String rv = ex.param("resourceVersion");
        return new ListOptions(labels, fields, limit, ex.param("continue"), rv == null ? "" : rv);
    }

    static WriteOptions writeOptions(Exchange ex) {
        return new WriteOptions(dryRun(ex), ex.param("fieldManager"));
    }

    private static boolean dryRun(Exchange ex) {
        for (String d : ex.params("dryRun")) {
            if (!d.equals("All")) {
                throw ApiException.badRequest("dryRun: Unsupported value: \"" + d + "\": supported values: \"All\"");
            }
            return true;
        }
        return false;
    }

    /** Delete options from the query and the optional DeleteOptions body (JSON or protobuf). */
    DeleteOptions deleteOptions(Exchange ex) {
        Long grace = ex.param("gracePeriodSeconds") == null ? null : parseLong(ex.param("gracePeriodSeconds"));
        String propagation = ex.param("propagationPolicy");
        boolean dryRun = dryRun(ex);
        String uid = null;
        String rv = null;
        byte[] body = ex.body();
        if (body.length > 0) {
            JsonNode opts = codec.decode(ex.contentType(), body);
            if (opts.has("gracePeriodSeconds")) {
                grace = opts.get("gracePeriodSeconds").asLong();
            }
            if (opts.hasNonNull("propagationPolicy")) {
                propagation = opts.get("propagationPolicy").asText();
            }
            if (opts.path("orphanDependents").asBoolean(false)) {
                propagation = "Orphan";
            }
            for (JsonNode d : opts.path("dryRun")) {
                dryRun |= d.asText().equals("All");
            }
            uid = Meta.text(opts.path("preconditions").get("uid"));
            rv = Meta.text(opts.path("preconditions").get("resourceVersion"));
        }
        if (propagation != null && !List.of("Orphan", "Background", "Foreground").contains(propagation)) {
            throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + propagation
                    + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        return new DeleteOptions(grace, propagation, uid, rv, dryRun);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid integer: " + s);
        }
    }
}
