package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pod statuses a kubelet posts at each step of a pod's life, as strategic-merge patches of the
 * status subresource (conditions merge by type, so conditions other components set survive):
 * containers being created, running, and terminated.
 */
final class PodStatuses {
    static final String RUNTIME_SCHEME = "kube4j-sim://";

    private PodStatuses() {
    }

    /**
     * The strategic-merge patch that posts {@code status}. Conditions merge by type, so the fields a
     * condition no longer has (a reason, a message) are cleared explicitly, as null.
     */
    @SuppressWarnings("unchecked")
    static String patch(KubernetesSerialization json, PodStatus status) {
        Map<String, Object> fields = json.convertValue(status, Map.class);
        for (Object condition : (List<Object>) fields.getOrDefault("conditions", List.of())) {
            Map<String, Object> entries = (Map<String, Object>) condition;
            entries.putIfAbsent("reason", null);
            entries.putIfAbsent("message", null);
        }
        return json.asJson(Map.of("status", fields));
    }

    /** Pending: the sandbox is being created, so containers wait in ContainerCreating (or PodInitializing). */
    static PodStatus creating(Pod pod, SimulatedNode node, Instant now) {
        List<Container> inits = initContainers(pod);
        String waiting = inits.isEmpty() ? "ContainerCreating" : "PodInitializing";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(pod, "PodReadyToStartContainers", "False", null, null, now));
        conditions.add(inits.isEmpty()
                ? condition(pod, "Initialized", "True", null, null, now)
                : condition(pod, "Initialized", "False", "ContainersNotInitialized",
                        "containers with incomplete status: " + names(inits), now));
        String unready = "containers with unready status: " + names(pod.getSpec().getContainers());
        conditions.add(condition(pod, "Ready", "False", "ContainersNotReady", unready, now));
        conditions.add(condition(pod, "ContainersReady", "False", "ContainersNotReady", unready, now));
        addScheduledIfMissing(pod, conditions, now);
        return base(pod, node, "Pending", conditions)
                .withStartTime(NodeManifests.time(now))
                .withInitContainerStatuses(statuses(pod, inits, c -> waiting(waiting), false))
                .withContainerStatuses(statuses(pod, pod.getSpec().getContainers(), c -> waiting(waiting), false))
                .build();
    }

    /** Running: every container started and ready, the pod has its address. */
    static PodStatus running(Pod pod, SimulatedNode node, String podIp, Instant now) {
        String at = NodeManifests.time(now);
        List<PodCondition> conditions = new ArrayList<>();
        for (String type : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady")) {
            conditions.add(condition(pod, type, "True", null, null, now));
        }
        addScheduledIfMissing(pod, conditions, now);
        return base(pod, node, "Running", conditions)
                .withPodIP(podIp)
                .withPodIPs(new PodIP(podIp))
                .withStartTime(startTime(pod, now))
                .withInitContainerStatuses(statuses(pod, initContainers(pod), c -> isSidecar(c)
                        ? new ContainerStateBuilder().withNewRunning(at).build()
                        : terminated(0, at, at), true))
                .withContainerStatuses(statuses(pod, pod.getSpec().getContainers(),
                        c -> new ContainerStateBuilder().withNewRunning(at).build(), true))
                .build();
    }

    /**
     * Finished: every container exited with {@code exitCode} (the pod Succeeded on 0, else Failed),
     * after running since {@code startedAt}.
     */
    static PodStatus terminated(Pod pod, SimulatedNode node, int exitCode, Instant startedAt, Instant now) {
        String reason = exitCode == 0 ? "PodCompleted" : "PodFailed";
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(pod, "PodReadyToStartContainers", "False", null, null, now));
        conditions.add(condition(pod, "Initialized", "True", "PodCompleted", null, now));
        conditions.add(condition(pod, "Ready", "False", reason, null, now));
        conditions.add(condition(pod, "ContainersReady", "False", reason, null, now));
        String started = NodeManifests.time(startedAt);
        String finished = NodeManifests.time(now);
        return base(pod, node, exitCode == 0 ? "Succeeded" : "Failed", conditions)
                .withStartTime(startTime(pod, startedAt))
                .withInitContainerStatuses(statuses(pod, initContainers(pod), c -> terminated(0, started, finished), true))
                .withContainerStatuses(statuses(pod, pod.getSpec().getContainers(),
                        c -> terminated(exitCode, started, finished), true))
                .build();
    }

    private static PodStatusBuilder base(Pod pod, SimulatedNode node, String phase, List<PodCondition> conditions) {
        return new PodStatusBuilder()
                .withPhase(phase)
                .withConditions(conditions)
                .withHostIP(node.internalIp())
                .withHostIPs(new HostIP(node.internalIp()))
                .withQosClass(pod.getStatus() == null ? null : pod.getStatus().getQosClass());
    }

    private static List<ContainerStatus> statuses(Pod pod, List<Container> containers,
                                                  Function<Container, ContainerState> state, boolean created) {
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container container : containers) {
            ContainerState current = state.apply(container);
            boolean running = current.getRunning() != null;
            statuses.add(new ContainerStatusBuilder()
                    .withName(container.getName())
                    .withImage(ContainerImages.normalize(container.getImage()))
                    .withImageID(created ? ContainerImages.imageId(container.getImage()) : "")
                    .withContainerID(created ? containerId(pod, container) : null)
                    .withReady(running)
                    .withStarted(running)
                    .withRestartCount(0)
                    .withState(current)
                    .build());
        }
        return statuses;
    }

    /** A stable container id, so the running and terminated statuses name the same container. */
    static String containerId(Pod pod, Container container) {
        return RUNTIME_SCHEME + ContainerImages.sha256(pod.getMetadata().getUid() + "/" + container.getName());
    }

    private static ContainerState waiting(String reason) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build();
    }

    private static ContainerState terminated(int exitCode, String startedAt, String finishedAt) {
        return new ContainerStateBuilder().withNewTerminated()
                .withExitCode(exitCode)
                .withReason(exitCode == 0 ? "Completed" : "Error")
                .withStartedAt(startedAt)
                .withFinishedAt(finishedAt)
                .endTerminated().build();
    }

    /** A condition, keeping its last transition time when its status does not change. */
    private static PodCondition condition(Pod pod, String type, String status, String reason, String message,
                                          Instant now) {
        String since = NodeManifests.time(now);
        PodCondition existing = existingCondition(pod, type);
        if (existing != null && status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null) {
            since = existing.getLastTransitionTime();
        }
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(since).build();
    }

    /** The binding sets PodScheduled upstream; add it when the pod came without it. */
    private static void addScheduledIfMissing(Pod pod, List<PodCondition> conditions, Instant now) {
        if (existingCondition(pod, "PodScheduled") == null) {
            conditions.add(condition(pod, "PodScheduled", "True", null, null, now));
        }
    }

    private static PodCondition existingCondition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static String startTime(Pod pod, Instant fallback) {
        String existing = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
        return existing != null ? existing : NodeManifests.time(fallback);
    }

    private static List<Container> initContainers(Pod pod) {
        return pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    }

    private static boolean isSidecar(Container container) {
        return "Always".equals(container.getRestartPolicy());
    }

    private static String names(List<Container> containers) {
        return "[" + String.join(" ", containers.stream().map(Container::getName).toList()) + "]";
    }
}
