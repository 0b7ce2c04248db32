package io.kube4j.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.apiserver.registry.ApiException;

/**
 * {@code selfsubjectaccessreviews}: answers whether the caller may do what it asks, so
 * {@code kubectl auth can-i} works. Members of {@code system:masters} may do everything; RBAC
 * rules are not evaluated for other callers yet, who are refused.
 */
public final class AccessReviews {
    private final BodyCodec codec;

    public AccessReviews(BodyCodec codec) {
        this.codec = codec;
    }

    public void serve(Exchange ex) {
        if (!ex.method().equals("POST")) {
            throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        ObjectNode review = codec.decodeObject(ex.contentType(), ex.body(), "SelfSubjectAccessReview");
        if (!review.path("spec").has("resourceAttributes") && !review.path("spec").has("nonResourceAttributes")) {
            throw ApiException.invalid(io.kube4j.api.resource.BuiltinResources.all().stream()
                    .filter(t -> t.kind().equals("SelfSubjectAccessReview")).findFirst().orElseThrow(), "",
                    java.util.List.of(io.kube4j.apiserver.registry.FieldError.invalid("spec.resourceAttributes", "",
                            "exactly one of nonResourceAttributes or resourceAttributes must be specified")));
        }
        boolean allowed = ex.groups().contains("system:masters");
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        ObjectNode status = review.putObject("status").put("allowed", allowed);
        if (!allowed) {
            status.put("reason", "RBAC rules are not evaluated for users outside system:masters");
        }
        ex.sendJson(201, review);
    }
}
