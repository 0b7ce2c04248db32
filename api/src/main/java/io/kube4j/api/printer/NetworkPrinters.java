package io.kube4j.api.printer;

import static io.kube4j.api.printer.Formats.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Services and the networking kinds around them. */
final class NetworkPrinters {
    /** Upstream shows at most this many endpoints or ports, then "+ N more...". */
    private static final int MAX_LISTED = 3;

    private NetworkPrinters() {
    }

    static void addTo(Registry registry) {
        registry.add("", "Service", KindPrinter.of(NetworkPrinters::service,
                Column.NAME,
                Column.string("Type", "How the service is exposed."),
                Column.string("Cluster-IP", "Cluster-internal IP address of the service."),
                Column.string("External-IP", "External IP addresses or load-balancer ingress points."),
                Column.string("Port(s)", "Service ports, with node ports where allocated."),
                Column.AGE,
                Column.string("Selector", "Labels of the pods the service routes to.").wide()));
        registry.add("", "Endpoints", KindPrinter.of(NetworkPrinters::endpoints,
                Column.NAME,
                Column.string("Endpoints", "Addresses and ports of the endpoints."),
                Column.AGE));
        registry.add("discovery.k8s.io", "EndpointSlice", KindPrinter.of(NetworkPrinters::endpointSlice,
                Column.NAME,
                Column.string("AddressType", "Type of the addresses in this slice."),
                Column.string("Ports", "Ports exposed by the endpoints."),
                Column.string("Endpoints", "Addresses of the endpoints."),
                Column.AGE));
        registry.add("networking.k8s.io", "Ingress", KindPrinter.of(NetworkPrinters::ingress,
                Column.NAME,
                Column.string("Class", "Name of the IngressClass handling this ingress."),
                Column.string("Hosts", "Hosts matched by the ingress rules."),
                Column.string("Address", "Load-balancer ingress points."),
                Column.string("Ports", "Ports the ingress listens on."),
                Column.AGE));
        registry.add("networking.k8s.io", "IngressClass", KindPrinter.of(NetworkPrinters::ingressClass,
                Column.NAME,
                Column.string("Controller", "Controller that implements this class."),
                Column.string("Parameters", "Resource holding additional parameters."),
                Column.AGE));
        registry.add("networking.k8s.io", "NetworkPolicy", KindPrinter.of(NetworkPrinters::networkPolicy,
                Column.NAME,
                Column.string("Pod-Selector", "Pods the policy applies to."),
                Column.AGE));
    }

    private static Object[] service(JsonNode svc, Instant now) {
        return new Object[] {
            Json.name(svc),
            Json.text(svc, "spec", "type"),
            Json.textOr(NONE, Json.at(svc, "spec", "clusterIPs").path(0)),
            externalIp(svc),
            Formats.orNone(ports(svc)),
            Durations.sinceCreation(svc, now),
            Formats.labelsOrNone(Json.at(svc, "spec", "selector"))
        };
    }

    private static String externalIp(JsonNode svc) {
        List<String> externalIps = texts(Json.items(svc, "spec", "externalIPs"));
        return switch (Json.text(svc, "spec", "type")) {
            case "ClusterIP", "NodePort" -> externalIps.isEmpty() ? NONE : String.join(",", externalIps);
            case "LoadBalancer" -> {
                List<String> all = new ArrayList<>(loadBalancerAddresses(Json.at(svc, "status", "loadBalancer")));
                all.addAll(externalIps);
                yield all.isEmpty() ? "<pending>" : String.join(",", all);
            }
            case "ExternalName" -> Json.text(svc, "spec", "externalName");
            default -> Durations.UNKNOWN;
        };
    }

    /** Ingress IPs (or host names when there is no IP), de-duplicated and sorted. */
    private static TreeSet<String> loadBalancerAddresses(JsonNode loadBalancerStatus) {
        TreeSet<String> addresses = new TreeSet<>();
        for (JsonNode ingress : Json.items(loadBalancerStatus, "ingress")) {
            String address = Json.textOr(Json.text(ingress, "hostname"), ingress, "ip");
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    /** Ports as {@code port/protocol}, or {@code port:nodePort/protocol} when a node port is set. */
    private static String ports(JsonNode svc) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode port : Json.items(svc, "spec", "ports")) {
            long nodePort = Json.number(port, "nodePort");
            String protocol = Json.text(port, "protocol");
            pieces.add(Json.number(port, "port") + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
        }
        return String.join(",", pieces);
    }

    private static Object[] endpoints(JsonNode endpoints, Instant now) {
        return new Object[] {Json.name(endpoints), endpointAddresses(endpoints), Durations.sinceCreation(endpoints, now)};
    }

    /** {@code ip:port} for every address and port of every subset; bare IPs for subsets without ports. */
    private static String endpointAddresses(JsonNode endpoints) {
        List<JsonNode> subsets = Json.items(endpoints, "subsets");
        if (subsets.isEmpty()) {
            return NONE;
        }
        List<String> shown = new ArrayList<>();
        int total = 0;
        for (JsonNode subset : subsets) {
            List<JsonNode> addresses = Json.items(subset, "addresses");
            List<JsonNode> ports = Json.items(subset, "ports");
            for (JsonNode port : ports) {
                total += addresses.size();
                for (JsonNode address : addresses) {
                    addIfRoom(shown, hostPort(Json.text(address, "ip"), Json.number(port, "port")));
                }
            }
            if (ports.isEmpty()) {
                total += addresses.size();
                addresses.forEach(address -> addIfRoom(shown, Json.text(address, "ip")));
            }
        }
        return Formats.listWithMore(shown, total, MAX_LISTED);
    }

    private static void addIfRoom(List<String> shown, String entry) {
        if (shown.size() < MAX_LISTED) {
            shown.add(entry);
        }
    }

    /** Like Go's net.JoinHostPort: IPv6 addresses go in brackets. */
    private static String hostPort(String ip, long port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    private static Object[] endpointSlice(JsonNode slice, Instant now) {
        List<String> ports = new ArrayList<>();
        List<JsonNode> portNodes = Json.items(slice, "ports");
        for (JsonNode port : portNodes) {
            addIfRoom(ports, Json.present(port, "port") ? Json.text(port, "port") : Json.textOr("*", port, "name"));
        }
        List<String> addresses = new ArrayList<>();
        int addressCount = 0;
        for (JsonNode endpoint : Json.items(slice, "endpoints")) {
            for (JsonNode address : Json.items(endpoint, "addresses")) {
                addIfRoom(addresses, address.asText());
                addressCount++;
            }
        }
        return new Object[] {
            Json.name(slice),
            Json.text(slice, "addressType"),
            unsetIfEmpty(Formats.listWithMore(ports, portNodes.size(), MAX_LISTED)),
            unsetIfEmpty(Formats.listWithMore(addresses, addressCount, MAX_LISTED)),
            Durations.sinceCreation(slice, now)
        };
    }

    private static String unsetIfEmpty(String value) {
        return value.isEmpty() ? Formats.UNSET : value;
    }

    private static Object[] ingress(JsonNode ingress, Instant now) {
        return new Object[] {
            Json.name(ingress),
            Json.textOr(NONE, ingress, "spec", "ingressClassName"),
            ingressHosts(Json.items(ingress, "spec", "rules")),
            String.join(",", loadBalancerAddresses(Json.at(ingress, "status", "loadBalancer"))),
            Json.size(ingress, "spec", "tls") > 0 ? "80, 443" : "80",
            Durations.sinceCreation(ingress, now)
        };
    }

    /** Up to three rule hosts; {@code *} when no rule names a host. */
    private static String ingressHosts(List<JsonNode> rules) {
        List<String> hosts = new ArrayList<>();
        boolean more = false;
        for (JsonNode rule : rules) {
            more = more || hosts.size() == MAX_LISTED;
            String host = Json.text(rule, "host");
            if (!more && !host.isEmpty()) {
                hosts.add(host);
            }
        }
        if (hosts.isEmpty()) {
            return "*";
        }
        String joined = String.join(",", hosts);
        // Upstream counts the remaining rules, not the remaining hosts.
        return more ? joined + " + " + (rules.size() - MAX_LISTED) + " more..." : joined;
    }

    private static Object[] ingressClass(JsonNode ingressClass, Instant now) {
        JsonNode parameters = Json.at(ingressClass, "spec", "parameters");
        String parameterRef = NONE;
        if (Json.present(parameters)) {
            String apiGroup = Json.text(parameters, "apiGroup");
            parameterRef = Json.text(parameters, "kind") + (Json.present(parameters, "apiGroup") ? "." + apiGroup : "")
                    + "/" + Json.text(parameters, "name");
        }
        return new Object[] {
            Json.name(ingressClass), Json.text(ingressClass, "spec", "controller"), parameterRef,
            Durations.sinceCreation(ingressClass, now)
        };
    }

    private static Object[] networkPolicy(JsonNode policy, Instant now) {
        return new Object[] {
            Json.name(policy),
            Formats.selectorOrNone(Json.at(policy, "spec", "podSelector")),
            Durations.sinceCreation(policy, now)
        };
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
