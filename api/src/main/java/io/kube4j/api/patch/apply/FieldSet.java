package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of field paths (each a list of {@link PathElements}), convertible to and from the
 * FieldsV1 trie of {@code metadata.managedFields}, where {@code ".": {}} marks a path that is itself a
 * member while also having members below it.
 */
final class FieldSet {

    private static final FieldSet EMPTY = new FieldSet(Set.of());
    private static final String SELF = ".";

    private final Set<List<String>> paths;

    private FieldSet(Set<List<String>> paths) {
        this.paths = paths;
    }

    static FieldSet empty() {
        return EMPTY;
    }

    static FieldSet of(Collection<List<String>> paths) {
        Set<List<String>> copy = new LinkedHashSet<>();
        paths.forEach(path -> copy.add(List.copyOf(path)));
        return new FieldSet(copy);
    }

    Set<List<String>> paths() {
        return paths;
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    boolean contains(List<String> path) {
        return paths.contains(path);
    }

    /** Whether a member lies strictly below {@code path}. */
    boolean hasMemberBelow(List<String> path) {
        return paths.stream().anyMatch(member -> member.size() > path.size() && member.subList(0, path.size()).equals(path));
    }

    FieldSet union(FieldSet other) {
        Set<List<String>> result = new LinkedHashSet<>(paths);
        result.addAll(other.paths);
        return new FieldSet(result);
    }

    FieldSet difference(FieldSet other) {
        Set<List<String>> result = new LinkedHashSet<>(paths);
        result.removeAll(other.paths);
        return new FieldSet(result);
    }

    FieldSet intersection(FieldSet other) {
        Set<List<String>> result = new LinkedHashSet<>(paths);
        result.retainAll(other.paths);
        return new FieldSet(result);
    }

    /** The FieldsV1 form, e.g. {@code {"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}, keys sorted. */
    ObjectNode toFieldsV1() {
        Node root = new Node();
        for (List<String> path : paths) {
            Node node = root;
            for (String element : path) {
                node = node.children.computeIfAbsent(element, key -> new Node());
            }
            node.member = true;
        }
        return root.toJson();
    }

    /** Parses a FieldsV1 trie. */
    static FieldSet fromFieldsV1(JsonNode fields) {
        List<List<String>> paths = new ArrayList<>();
        collect(fields, new ArrayList<>(), paths);
        return of(paths);
    }

    private static void collect(JsonNode node, List<String> prefix, List<List<String>> paths) {
        node.properties().forEach(entry -> {
            if (entry.getKey().equals(SELF)) {
                paths.add(List.copyOf(prefix));
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            if (entry.getValue().isEmpty()) {
                paths.add(path);
            } else {
                collect(entry.getValue(), path, paths);
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet that && paths.equals(that.paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }

    @Override
    public String toString() {
        return toFieldsV1().toString();
    }

    private static final class Node {
        private final Map<String, Node> children = new TreeMap<>(Comparator.naturalOrder());
        private boolean member;

        ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            if (member && !children.isEmpty()) {
                json.putObject(SELF);
            }
            children.forEach((element, child) -> json.set(element, child.toJson()));
            return json;
        }
    }
}
