package io.kube4j.controllers.quota;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.kube4j.controllers.PodStates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a namespace uses of each resource a ResourceQuota limits, as upstream's quota evaluators:
 * object counts ({@code pods}, {@code services}, {@code count/<resource>[.<group>]} …), the
 * requests and limits of the pods still running, the storage its claims request (in total and per
 * storage class), node ports and load balancers.
 */
final class QuotaUsage {
    private static final String STORAGE_CLASS_SCOPE = ".storageclass.storage.k8s.io/";

    /** The namespace's objects; {@code counts} holds the number of objects per resource ({@code configmaps}, {@code deployments.apps}). */
    record Inventory(Collection<Pod> pods, Collection<Service> services, Collection<PersistentVolumeClaim> claims,
                     Map<String, Integer> counts) {
    }

    private QuotaUsage() {
    }

    /** Usage for each named resource this controller can measure; others are left out. */
    static Map<String, String> compute(Collection<String> resources, Inventory inventory, Instant now) {
        List<Pod> pods = inventory.pods().stream().filter(p -> counts(p, now)).toList();
        Map<String, String> used = new TreeMap<>();
        for (String resource : resources) {
            String value = switch (resource) {
                case "pods", "count/pods" -> String.valueOf(pods.size());
                case "services", "count/services" -> String.valueOf(inventory.services().size());
                case "persistentvolumeclaims", "count/persistentvolumeclaims" -> String.valueOf(inventory.claims().size());
                case "services.nodeports" -> String.valueOf(inventory.services().stream().mapToLong(QuotaUsage::nodePorts).sum());
                case "services.loadbalancers" -> String.valueOf(inventory.services().stream()
                        .filter(s -> "LoadBalancer".equals(s.getSpec().getType())).count());
                case "cpu", "requests.cpu" -> podSum(pods, "cpu", false);
                case "memory", "requests.memory" -> podSum(pods, "memory", false);
                case "ephemeral-storage", "requests.ephemeral-storage" -> podSum(pods, "ephemeral-storage", false);
                case "limits.cpu" -> podSum(pods, "cpu", true);
                case "limits.memory" -> podSum(pods, "memory", true);
                case "limits.ephemeral-storage" -> podSum(pods, "ephemeral-storage", true);
                case "requests.storage" -> claimSum(inventory.claims());
                default -> other(resource, inventory);
            };
            if (value != null) {
                used.put(resource, value);
            }
        }
        return used;
    }

    private static String other(String resource, Inventory inventory) {
        if (resource.contains(STORAGE_CLASS_SCOPE)) {
            String className = resource.substring(0, resource.indexOf(STORAGE_CLASS_SCOPE));
            List<PersistentVolumeClaim> ofClass = inventory.claims().stream()
                    .filter(c -> className.equals(c.getSpec().getStorageClassName())).toList();
            String measured = resource.substring(resource.indexOf(STORAGE_CLASS_SCOPE) + STORAGE_CLASS_SCOPE.length());
            return switch (measured) {
                case "requests.storage" -> claimSum(ofClass);
                case "persistentvolumeclaims" -> String.valueOf(ofClass.size());
                default -> null;
            };
        }
        String counted = resource.startsWith("count/") ? resource.substring("count/".length()) : resource;
        Integer count = inventory.counts().get(counted);
        return count == null ? null : String.valueOf(count);
    }

    /** Pods count until they finish, or until their deletion grace period is over. */
    private static boolean counts(Pod pod, Instant now) {
        if (PodStates.isFinished(pod)) {
            return false;
        }
        String deletion = pod.getMetadata().getDeletionTimestamp();
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        return deletion == null || grace == null || now.isBefore(Instant.parse(deletion).plusSeconds(grace));
    }

    /**
     * Sums a resource's effective pod requests (or limits): max(sum of containers, largest init
     * container) plus the pod's overhead — for limits only where the pod sets that limit, as upstream.
     */
    private static String podSum(List<Pod> pods, String name, boolean limits) {
        BigDecimal total = BigDecimal.ZERO;
        Quantity first = null;
        for (Pod pod : pods) {
            List<Quantity> own = new ArrayList<>();
            BigDecimal containers = BigDecimal.ZERO;
            for (Container c : orEmpty(pod.getSpec().getContainers())) {
                Quantity q = resourceOf(c, name, limits);
                if (q != null) {
                    own.add(q);
                    containers = containers.add(Quantities.amount(q));
                }
            }
            BigDecimal init = BigDecimal.ZERO;
            for (Container c : orEmpty(pod.getSpec().getInitContainers())) {
                Quantity q = resourceOf(c, name, limits);
                if (q != null) {
                    own.add(q);
                    init = init.max(Quantities.amount(q));
                }
            }
            Map<String, Quantity> overhead = pod.getSpec().getOverhead();
            Quantity extra = overhead == null || limits && own.isEmpty() ? null : overhead.get(name);
            if (extra != null) {
                own.add(extra);
            }
            first = first == null && !own.isEmpty() ? own.get(0) : first;
            total = total.add(containers.max(init)).add(Quantities.amount(extra));
        }
        return Quantities.format(total, Quantities.isBinary(first));
    }

    private static Quantity resourceOf(Container c, String name, boolean limits) {
        if (c.getResources() == null) {
            return null;
        }
        Map<String, Quantity> values = limits ? c.getResources().getLimits() : c.getResources().getRequests();
        return values == null ? null : values.get(name);
    }

    private static String claimSum(Collection<PersistentVolumeClaim> claims) {
        Function<PersistentVolumeClaim, Quantity> storage = c -> c.getSpec().getResources() == null
                || c.getSpec().getResources().getRequests() == null ? null : c.getSpec().getResources().getRequests().get("storage");
        BigDecimal total = claims.stream().map(storage).map(Quantities::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Quantity first = claims.stream().map(storage).filter(Objects::nonNull).findFirst().orElse(null);
        return Quantities.format(total, Quantities.isBinary(first));
    }

    private static long nodePorts(Service service) {
        String type = service.getSpec().getType();
        if (!"NodePort".equals(type) && !"LoadBalancer".equals(type)) {
            return 0;
        }
        return orEmpty(service.getSpec().getPorts()).size();
    }

}
