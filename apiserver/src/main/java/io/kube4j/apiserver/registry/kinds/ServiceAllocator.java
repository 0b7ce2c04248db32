package io.kube4j.apiserver.registry.kinds;

/**
 * Hands out service cluster IPs and node ports. A requested value that cannot be had is an
 * {@link AllocationException} (the service strategy reports it on the right field); a range with
 * nothing left is an {@link io.kube4j.apiserver.registry.ApiException} (500, as upstream).
 */
public interface ServiceAllocator {
    /** The address a headless service asks for (and gets). */
    String HEADLESS = "None";

    /**
     * Allocates a cluster IP: {@code requested} if given (null or empty means any free one);
     * {@link #HEADLESS} is returned as is.
     */
    String allocateClusterIP(String requested);

    /** Allocates a node port: {@code requested} if non-zero, else any free one. */
    int allocateNodePort(int requested);
}
