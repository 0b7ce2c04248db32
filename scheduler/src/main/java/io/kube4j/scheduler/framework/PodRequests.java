package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a pod asks of a node, as upstream computes it: the sum of its containers' requests (a
 * missing request defaults to the limit), at least the largest init container's (sidecar init
 * containers, restartPolicy Always, run alongside and add up), plus the pod overhead.
 */
public final class PodRequests {
    /** The cpu the scoring assumes for a container that requests none (upstream's non-zero default). */
    public static final long DEFAULT_MILLI_CPU = 100;
    /** The memory the scoring assumes for a container that requests none: 200 MiB. */
    public static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

    private PodRequests() {
    }

    public static Resource of(PodSpec spec) {
        return compute(spec, PodRequests::requests);
    }

    /** The requests with upstream's defaults for containers that request no cpu or memory (used for spreading scores). */
    public static Resource nonZero(PodSpec spec) {
        return compute(spec, c -> {
            Resource r = requests(c);
            return new Resource(hasRequest(c, "cpu") ? r.milliCpu() : DEFAULT_MILLI_CPU,
                    hasRequest(c, "memory") ? r.memory() : DEFAULT_MEMORY, r.ephemeralStorage());
        });
    }

    private static Resource compute(PodSpec spec, Function<Container, Resource> perContainer) {
        Resource sum = Resource.ZERO;
        for (Container c : list(spec.getContainers())) {
            sum = sum.plus(perContainer.apply(c));
        }
        Resource sidecars = Resource.ZERO;
        Resource initPeak = Resource.ZERO;
        for (Container c : list(spec.getInitContainers())) {
            Resource r = perContainer.apply(c);
            if ("Always".equals(c.getRestartPolicy())) {
                sum = sum.plus(r);
                sidecars = sidecars.plus(r);
                initPeak = initPeak.max(sidecars);
            } else {
                initPeak = initPeak.max(r.plus(sidecars));
            }
        }
        return sum.max(initPeak).plus(Resource.of(spec.getOverhead()));
    }

    private static Resource requests(Container c) {
        ResourceRequirements res = c.getResources();
        if (res == null) {
            return Resource.ZERO;
        }
        Map<String, Quantity> requests = res.getRequests() == null ? Map.of() : res.getRequests();
        Map<String, Quantity> limits = res.getLimits() == null ? Map.of() : res.getLimits();
        return new Resource(Resource.milli(pick(requests, limits, "cpu")), Resource.value(pick(requests, limits, "memory")),
                Resource.value(pick(requests, limits, "ephemeral-storage")));
    }

    private static Quantity pick(Map<String, Quantity> requests, Map<String, Quantity> limits, String name) {
        Quantity q = requests.get(name);
        return q != null ? q : limits.get(name);
    }

    private static boolean hasRequest(Container c, String name) {
        ResourceRequirements res = c.getResources();
        return res != null && (res.getRequests() != null && res.getRequests().containsKey(name)
                || res.getLimits() != null && res.getLimits().containsKey(name));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
