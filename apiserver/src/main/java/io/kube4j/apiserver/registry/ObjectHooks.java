package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.api.resource.ResourceType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixes the order in which a write is prepared, once for every kind:
 * <ol>
 *   <li>system metadata (uid, creationTimestamp, generation; immutable fields restored on update),</li>
 *   <li>the strategy's prepare hook (defaults; status/spec rules),</li>
 *   <li>generic metadata validation and the strategy's validation (422 Invalid on failure),</li>
 *   <li>generation (for kinds with a spec) bumped when anything outside metadata and status changed.</li>
 * </ol>
 */
final class ObjectHooks {
    private static final String GENERATE_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final Clock clock;

    ObjectHooks(Clock clock) {
        this.clock = clock;
    }

    /** Prepares a new object; {@code ns} is the namespace of the URL (null for cluster scope). */
    void beforeCreate(ResourceType type, Strategy strategy, String ns, ObjectNode obj) {
        ObjectNode meta = Meta.of(obj);
        checkKind(type, obj);
        if (type.namespaced()) {
            String bodyNs = Meta.text(meta.get("namespace"));
            if (bodyNs != null && !bodyNs.equals(ns)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            meta.put("namespace", ns);
        } else {
            meta.remove("namespace");
        }
        if (Meta.text(meta.get("name")) == null && Meta.text(meta.get("generateName")) != null) {
            meta.put("name", generateName(meta.get("generateName").asText()));
        }
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", now());
        if (obj.has("spec")) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        meta.remove("resourceVersion");
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("selfLink");
        if (type.hasSubresource("status") && strategy.clearsStatusOnCreate()) {
            obj.remove("status");
        }
        strategy.prepareForCreate(obj);
        List<FieldError> errors = new ArrayList<>(validateMeta(type, strategy, obj));
        errors.addAll(strategy.validate(obj));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(type, Meta.name(obj), errors);
        }
    }

    /**
     * Prepares an update of {@code old} into {@code obj}. Writes to the main resource of a kind with
     * a status subresource keep the old status; status writes arrive with the old spec already.
     */
    void beforeUpdate(ResourceType type, Strategy strategy, ObjectNode obj, ObjectNode old, UpdateTarget target) {
        if (target == UpdateTarget.MAIN && type.hasSubresource("status")) {
            copyField(old, obj, "status");
        }
        checkKind(type, obj);
        ObjectNode meta = Meta.of(obj);
        ObjectNode oldMeta = (ObjectNode) old.get("metadata");
        List<FieldError> errors = new ArrayList<>();
        if (!Objects.equals(Meta.name(obj), Meta.name(old))) {
            errors.add(FieldError.invalid("metadata.name", Meta.name(obj), "field is immutable"));
        }
        for (String field : List.of("uid", "creationTimestamp", "namespace", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation")) {
            copyField(oldMeta, meta, field);
        }
        if (oldMeta.has("deletionTimestamp")) {
            rejectNewFinalizers(meta, oldMeta, errors);
        }
        if (target != UpdateTarget.SUBRESOURCE) {
            strategy.prepareForUpdate(obj, old);
        }
        errors.addAll(validateMeta(type, strategy, obj));
        if (target != UpdateTarget.SUBRESOURCE) {
            errors.addAll(strategy.validateUpdate(obj, old));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(type, Meta.name(obj), errors);
        }
        if (old.path("metadata").has("generation") && !specOf(obj).equals(specOf(old))) {
            meta.put("generation", old.path("metadata").path("generation").asLong(1) + 1);
        }
    }

    private static void checkKind(ResourceType type, ObjectNode obj) {
        String kind = Meta.text(obj.get("kind"));
        String apiVersion = Meta.text(obj.get("apiVersion"));
        if (kind != null && !kind.equals(type.kind()) || apiVersion != null && !apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") does not match the expected "
                    + "API version (" + type.apiVersion() + ")" + (kind != null && !kind.equals(type.kind())
                    ? " or the kind in the data (" + kind + ") does not match the expected kind (" + type.kind() + ")" : ""));
        }
        obj.put("apiVersion", type.apiVersion());
        obj.put("kind", type.kind());
    }

    private static List<FieldError> validateMeta(ResourceType type, Strategy strategy, ObjectNode obj) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode meta = obj.get("metadata");
        String name = Meta.name(obj);
        if (name == null) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else {
            for (String problem : strategy.nameRule().check(name)) {
                errors.add(FieldError.invalid("metadata.name", name, problem));
            }
        }
        if (type.namespaced() && Meta.namespace(obj) == null) {
            errors.add(FieldError.required("metadata.namespace", ""));
        }
        LabelRules.checkLabels(meta.get("labels"), "metadata.labels", errors);
        LabelRules.checkAnnotations(meta.get("annotations"), "metadata.annotations", errors);
        JsonNode finalizers = meta.get("finalizers");
        if (finalizers != null && finalizers.isArray()) {
            for (int i = 0; i < finalizers.size(); i++) {
                LabelRules.checkKey(finalizers.get(i).asText(), "metadata.finalizers[" + i + "]", errors);
            }
        }
        return errors;
    }

    private static void rejectNewFinalizers(ObjectNode meta, ObjectNode oldMeta, List<FieldError> errors) {
        List<String> old = new ArrayList<>();
        oldMeta.path("finalizers").forEach(f -> old.add(f.asText()));
        meta.path("finalizers").forEach(f -> {
            if (!old.contains(f.asText())) {
                errors.add(FieldError.forbidden("metadata.finalizers",
                        "no new finalizers can be added if the object is being deleted, found new finalizers [\""
                                + f.asText() + "\"]"));
            }
        });
    }

    /** Everything that is not metadata or status: a change here bumps metadata.generation. */
    private static ObjectNode specOf(ObjectNode obj) {
        ObjectNode copy = obj.deepCopy();
        copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
        return copy;
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value);
        }
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String generateName(String base) {
        StringBuilder sb = new StringBuilder(base.length() > 58 ? base.substring(0, 58) : base);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            sb.append(GENERATE_CHARS.charAt(random.nextInt(GENERATE_CHARS.length())));
        }
        return sb.toString();
    }
}
