package io.kube4j.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Pods as {@code kubectl get pods -o json} lists them, with the filters the workflow tests need. */
record PodList(List<JsonNode> items) {

    static PodList of(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return new PodList(List.copyOf(items));
    }

    /** Pods not being deleted (no deletionTimestamp), the ones controllers count as active. */
    PodList live() {
        return filter(p -> p.path("metadata").path("deletionTimestamp").isMissingNode());
    }

    /** Live pods in phase Running whose Ready condition is True. */
    PodList ready() {
        return live().filter(p -> "Running".equals(phase(p)) && condition(p, "Ready").equals("True"));
    }

    PodList onNode(String node) {
        return filter(p -> node.equals(nodeName(p)));
    }

    PodList withNamePrefix(String prefix) {
        return filter(p -> name(p).startsWith(prefix));
    }

    PodList filter(Predicate<JsonNode> keep) {
        return new PodList(items.stream().filter(keep).toList());
    }

    int size() {
        return items.size();
    }

    List<String> names() {
        return items.stream().map(PodList::name).toList();
    }

    Set<String> nodes() {
        return items.stream().map(PodList::nodeName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The first container's image of every pod. */
    Set<String> images() {
        return items.stream().map(p -> p.path("spec").path("containers").path(0).path("image").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the pods' controllers (their controller ownerReference). */
    Set<String> owners() {
        Set<String> owners = new TreeSet<>();
        for (JsonNode pod : items) {
            for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
                if (ref.path("controller").asBoolean()) {
                    owners.add(ref.path("kind").asText() + "/" + ref.path("name").asText());
                }
            }
        }
        return owners;
    }

    static String name(JsonNode pod) {
        return pod.path("metadata").path("name").asText();
    }

    static String nodeName(JsonNode pod) {
        return pod.path("spec").path("nodeName").asText();
    }

    static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText();
    }

    /** The status of the pod's condition {@code type}, or "" when it has none. */
    static String condition(JsonNode pod, String type) {
        return Conditions.of(pod, type).path("status").asText();
    }

    /** One line per pod (name, phase, readiness, node, deleting or not), for failure messages. */
    @Override
    public String toString() {
        return items.stream().map(p -> name(p) + " " + phase(p) + " ready=" + condition(p, "Ready") + " on " + nodeName(p)
                        + (p.path("metadata").has("deletionTimestamp") ? " (deleting)" : ""))
                .collect(Collectors.joining("\n", "[", "]"));
    }
}
