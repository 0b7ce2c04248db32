package io.kube4j.apiserver.registry;

import io.kube4j.api.resource.ResourceType;

/** Store keys, laid out as upstream does in etcd: {@code /registry/<group>/<plural>/[<ns>/]<name>}. */
public final class Keys {
    private Keys() {
    }

    /** The prefix of every object of the type, across namespaces. */
    public static String root(ResourceType type) {
        return "/registry/" + (type.group().isEmpty() ? "core" : type.group()) + "/" + type.plural() + "/";
    }

    /** The prefix of the objects in one namespace ({@code ns} null or empty: all of them). */
    public static String prefix(ResourceType type, String ns) {
        return ns == null || ns.isEmpty() || !type.namespaced() ? root(type) : root(type) + ns + "/";
    }

    public static String of(ResourceType type, String ns, String name) {
        return type.namespaced() ? root(type) + ns + "/" + name : root(type) + name;
    }
}
