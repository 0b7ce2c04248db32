package io.kube4j.scheduler.framework;

import java.util.List;

/**
 * The immutable result of a plugin call: a {@link Code}, the human-readable reasons (for
 * rejections, the phrases counted in {@code 0/3 nodes are available: ...}) and the plugin that
 * produced it (set by the framework).
 */
public record Status(Code code, List<String> reasons, String plugin) {
    public static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), null);

    public Status {
        reasons = List.copyOf(reasons);
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), null);
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), null);
    }

    public static Status error(String message) {
        return new Status(Code.ERROR, List.of(message), null);
    }

    public static Status skip() {
        return new Status(Code.SKIP, List.of(), null);
    }

    public Status withPlugin(String name) {
        return plugin != null ? this : new Status(code, reasons, name);
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    public boolean isSkip() {
        return code == Code.SKIP;
    }

    /** Whether the pod was found not to fit (as opposed to success, skip or an error). */
    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    public String message() {
        return String.join(", ", reasons);
    }
}
