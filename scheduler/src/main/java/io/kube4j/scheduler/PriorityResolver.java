package io.kube4j.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pod's priority and preemption policy. The Priority admission plugin would resolve
 * priorityClassName into spec.priority; this server does not (it defaults spec.priority to 0),
 * so the scheduler does: a non-zero spec.priority wins, else the named PriorityClass' value, else
 * the global-default class' value, else 0. The built-in system classes are known even before
 * their objects exist. Fed by the PriorityClass informer; thread-safe.
 */
public final class PriorityResolver {
    static final Map<String, Integer> SYSTEM_CLASSES = Map.of(
            "system-node-critical", 2_000_001_000,
            "system-cluster-critical", 2_000_000_000);

    private record ClassInfo(int value, boolean globalDefault, boolean neverPreempts) {
    }

    private final Map<String, ClassInfo> classes = new ConcurrentHashMap<>();

    public void put(PriorityClass pc) {
        classes.put(pc.getMetadata().getName(), new ClassInfo(pc.getValue() == null ? 0 : pc.getValue(),
                Boolean.TRUE.equals(pc.getGlobalDefault()), "Never".equals(pc.getPreemptionPolicy())));
    }

    public void remove(String name) {
        classes.remove(name);
    }

    public int priorityOf(Pod pod) {
        Integer own = pod.getSpec().getPriority();
        if (own != null && own != 0) {
            return own;
        }
        String className = pod.getSpec().getPriorityClassName();
        if (className != null && !className.isEmpty()) {
            ClassInfo c = classes.get(className);
            if (c != null) {
                return c.value;
            }
            return SYSTEM_CLASSES.getOrDefault(className, 0);
        }
        for (ClassInfo c : classes.values()) {
            if (c.globalDefault) {
                return c.value;
            }
        }
        return 0;
    }

    /** False when the pod's preemptionPolicy, or its class', is Never. */
    public boolean preemptsOthers(Pod pod) {
        if ("Never".equals(pod.getSpec().getPreemptionPolicy())) {
            return false;
        }
        String className = pod.getSpec().getPriorityClassName();
        ClassInfo c = className == null ? null : classes.get(className);
        return c == null || !c.neverPreempts;
    }
}
