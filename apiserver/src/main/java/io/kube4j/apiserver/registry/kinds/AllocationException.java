package io.kube4j.apiserver.registry.kinds;

/**
 * A requested cluster IP or node port that cannot be allocated; the message is upstream's detail,
 * e.g. {@code failed to allocate IP 10.96.0.5: provided IP is already allocated}.
 */
public final class AllocationException extends RuntimeException {
    public AllocationException(String detail) {
        super(detail);
    }
}
