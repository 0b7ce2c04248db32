package io.kube4j.apiserver.http;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a resource URL addresses, parsed as upstream's RequestInfoFactory does:
 * {@code /api/v1[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]} and the same under
 * {@code /apis/{group}/{version}}. {@code namespaces/{name}/status|finalize} address the namespace.
 */
public record RequestInfo(String group, String version, String namespace, String resource, String name,
                          String subresource, boolean legacyWatch) {
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Parses a resource path, or returns null if the path is not one (e.g. discovery). */
    public static RequestInfo parse(String path) {
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        String version;
        int i;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            i = 2;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            i = 3;
        } else {
            return null;
        }
        List<String> rest = parts.subList(i, parts.size());
        boolean watch = false;
        if (!rest.isEmpty() && rest.get(0).equals("watch")) {
            watch = true;
            rest = rest.subList(1, rest.size());
        }
        String namespace = null;
        if (rest.size() >= 2 && rest.get(0).equals("namespaces")
                && (rest.size() > 3 || rest.size() == 3 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2)))) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 3) {
            return null;
        }
        return new RequestInfo(group, version, namespace, rest.get(0),
                rest.size() > 1 ? rest.get(1) : null, rest.size() > 2 ? rest.get(2) : null, watch);
    }

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
