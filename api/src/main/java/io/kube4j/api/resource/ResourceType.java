package io.kube4j.api.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the server needs to know to serve one resource: its names for URLs and discovery,
 * its scope, verbs, subresources and (for built-in kinds) the fabric8 model class its schema is
 * derived from. Custom resources carry no model class.
 */
public record ResourceType(
        GroupVersionKind gvk,
        String plural,
        String singular,
        boolean namespaced,
        List<String> shortNames,
        List<String> categories,
        List<String> verbs,
        List<Subresource> subresources,
        Class<?> modelClass) {

    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    public String group() {
        return gvk.group();
    }

    public String version() {
        return gvk.version();
    }

    public String kind() {
        return gvk.kind();
    }

    public String apiVersion() {
        return gvk.apiVersion();
    }

    public String listKind() {
        return gvk.kind() + "List";
    }

    /** {@code plural.group}, e.g. {@code deployments.apps}, as RBAC and error messages name it. */
    public String qualifiedName() {
        return group().isEmpty() ? plural : plural + "." + group();
    }

    public Subresource subresource(String name) {
        for (Subresource s : subresources) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public boolean hasSubresource(String name) {
        return subresource(name) != null;
    }

    public static Builder builder(String apiVersion, String kind, String plural) {
        return new Builder(GroupVersionKind.of(apiVersion, kind), plural);
    }

    /** Fluent construction with the upstream defaults: namespaced, all verbs, no subresources. */
    public static final class Builder {
        private final GroupVersionKind gvk;
        private final String plural;
        private boolean namespaced = true;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private List<String> verbs = ALL_VERBS;
        private final List<Subresource> subresources = new ArrayList<>();
        private Class<?> modelClass;

        private Builder(GroupVersionKind gvk, String plural) {
            this.gvk = gvk;
            this.plural = plural;
        }

        public Builder clusterScoped() {
            this.namespaced = false;
            return this;
        }

        public Builder shortNames(String... names) {
            this.shortNames = List.of(names);
            return this;
        }

        public Builder inCategoryAll() {
            this.categories = List.of("all");
            return this;
        }

        public Builder verbs(String... verbs) {
            this.verbs = List.of(verbs);
            return this;
        }

        /** A subresource returning the resource's own kind (e.g. status). */
        public Builder subresource(String name, String... verbs) {
            subresources.add(new Subresource(name, gvk, List.of(verbs)));
            return this;
        }

        public Builder subresource(String name, GroupVersionKind kind, String... verbs) {
            subresources.add(new Subresource(name, kind, List.of(verbs)));
            return this;
        }

        public Builder model(Class<?> modelClass) {
            this.modelClass = modelClass;
            return this;
        }

        public ResourceType build() {
            String singular = gvk.kind().toLowerCase(java.util.Locale.ROOT);
            return new ResourceType(gvk, plural, singular, namespaced, shortNames, categories, verbs,
                    List.copyOf(subresources), modelClass);
        }
    }
}
