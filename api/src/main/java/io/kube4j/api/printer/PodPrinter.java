package io.kube4j.api.printer;

import static io.kube4j.api.printer.Formats.NONE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pods: READY, the aggregated STATUS reason and RESTARTS the way upstream's pod printer derives them. */
final class PodPrinter {
    static final TablePrinter PRINTER = KindPrinter.of(PodPrinter::cells,
            Column.NAME,
            Column.string("Ready", "Ready containers out of all containers of the pod."),
            Column.string("Status", "The aggregate status of the containers in this pod."),
            Column.string("Restarts", "Container restarts, and how long ago the last one happened."),
            Column.AGE,
            Column.string("IP", "IP address allocated to the pod.").wide(),
            Column.string("Node", "Node the pod is bound to.").wide(),
            Column.string("Nominated Node", "Node the scheduler nominated for the pod after preemption.").wide(),
            Column.string("Readiness Gates", "Readiness gates whose condition is true, out of all.").wide());

    /** The status reason a node controller sets on pods of an unreachable node. */
    private static final String NODE_LOST = "NodeLost";

    private PodPrinter() {
    }

    private static Object[] cells(JsonNode pod, Instant now) {
        Summary summary = new Summary(pod);
        summary.scanInitContainers();
        if (!summary.initializing || hasTrueCondition(pod, "Initialized")) {
            summary.scanContainers();
        }
        String phase = Json.text(pod, "status", "phase");
        boolean deleting = Json.present(pod, "metadata", "deletionTimestamp");
        if (deleting && NODE_LOST.equals(Json.text(pod, "status", "reason"))) {
            summary.reason = "Unknown";
        } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
            summary.reason = "Terminating";
        }
        String restarts = Long.toString(summary.restarts);
        if (summary.restarts != 0 && summary.lastRestart != null) {
            restarts += " (" + Durations.humanShort(Duration.between(summary.lastRestart, now)) + " ago)";
        }
        return new Object[] {
            Json.name(pod),
            summary.ready + "/" + summary.total,
            summary.reason,
            restarts,
            Durations.sinceCreation(pod, now),
            podIp(pod),
            Json.textOr(NONE, pod, "spec", "nodeName"),
            Json.textOr(NONE, pod, "status", "nominatedNodeName"),
            readinessGates(pod)
        };
    }

    /** The first of {@code status.podIPs}; older clients set only {@code status.podIP}. */
    private static String podIp(JsonNode pod) {
        String first = Json.text(Json.at(pod, "status", "podIPs").path(0), "ip");
        return Formats.orNone(first.isEmpty() ? Json.text(pod, "status", "podIP") : first);
    }

    private static String readinessGates(JsonNode pod) {
        List<JsonNode> gates = Json.items(pod, "spec", "readinessGates");
        if (gates.isEmpty()) {
            return NONE;
        }
        long satisfied = gates.stream().filter(g -> hasTrueCondition(pod, Json.text(g, "conditionType"))).count();
        return satisfied + "/" + gates.size();
    }

    /** Whether the first pod condition of this type has status True. */
    private static boolean hasTrueCondition(JsonNode pod, String type) {
        for (JsonNode condition : Json.items(pod, "status", "conditions")) {
            if (type.equals(Json.text(condition, "type"))) {
                return "True".equals(Json.text(condition, "status"));
            }
        }
        return false;
    }

    /** Accumulates ready and restart counts and the status reason while walking the container statuses. */
    private static final class Summary {
        private final JsonNode pod;
        /** Init containers with restartPolicy Always (sidecars): they count as regular containers. */
        private final Set<String> sidecars = new HashSet<>();
        String reason;
        boolean initializing;
        int ready;
        int total;
        long restarts;
        Instant lastRestart;
        private long sidecarRestarts;
        private Instant lastSidecarRestart;

        Summary(JsonNode pod) {
            this.pod = pod;
            this.reason = Json.textOr(Json.text(pod, "status", "phase"), pod, "status", "reason");
            for (JsonNode condition : Json.items(pod, "status", "conditions")) {
                if ("PodScheduled".equals(Json.text(condition, "type"))
                        && "SchedulingGated".equals(Json.text(condition, "reason"))) {
                    reason = "SchedulingGated";
                }
            }
            total = Json.size(pod, "spec", "containers");
            for (JsonNode init : Json.items(pod, "spec", "initContainers")) {
                if ("Always".equals(Json.text(init, "restartPolicy"))) {
                    sidecars.add(Json.text(init, "name"));
                    total++;
                }
            }
        }

        void scanInitContainers() {
            List<JsonNode> statuses = Json.items(pod, "status", "initContainerStatuses");
            int initCount = Json.size(pod, "spec", "initContainers");
            for (int i = 0; i < statuses.size(); i++) {
                JsonNode status = statuses.get(i);
                boolean sidecar = sidecars.contains(Json.text(status, "name"));
                Instant finished = lastFinishedAt(status);
                restarts += Json.number(status, "restartCount");
                lastRestart = later(lastRestart, finished);
                if (sidecar) {
                    sidecarRestarts += Json.number(status, "restartCount");
                    lastSidecarRestart = later(lastSidecarRestart, finished);
                }
                JsonNode terminated = Json.at(status, "state", "terminated");
                JsonNode waiting = Json.at(status, "state", "waiting");
                if (!terminated.isMissingNode() && Json.number(terminated, "exitCode") == 0) {
                    continue;
                }
                if (sidecar && Json.bool(status, "started")) {
                    if (Json.bool(status, "ready")) {
                        ready++;
                    }
                    continue;
                }
                if (!terminated.isMissingNode()) {
                    reason = "Init:" + terminationReason(terminated);
                } else if (!Json.text(waiting, "reason").isEmpty()
                        && !"PodInitializing".equals(Json.text(waiting, "reason"))) {
                    reason = "Init:" + Json.text(waiting, "reason");
                } else {
                    reason = "Init:" + i + "/" + initCount;
                }
                initializing = true;
                return;
            }
        }

        /** Walks the regular containers last to first, so the first container's state decides the reason. */
        void scanContainers() {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            boolean hasRunning = false;
            List<JsonNode> statuses = Json.items(pod, "status", "containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode status = statuses.get(i);
                restarts += Json.number(status, "restartCount");
                lastRestart = later(lastRestart, lastFinishedAt(status));
                JsonNode terminated = Json.at(status, "state", "terminated");
                String waitingReason = Json.text(status, "state", "waiting", "reason");
                if (!waitingReason.isEmpty()) {
                    reason = waitingReason;
                } else if (!terminated.isMissingNode()) {
                    reason = terminationReason(terminated);
                } else if (Json.bool(status, "ready") && Json.present(status, "state", "running")) {
                    hasRunning = true;
                    ready++;
                }
            }
            // A container that completed while another is still running leaves the pod running.
            if ("Completed".equals(reason) && hasRunning) {
                reason = hasTrueCondition(pod, "Ready") ? "Running" : "NotReady";
            }
        }

        private static String terminationReason(JsonNode terminated) {
            String reason = Json.text(terminated, "reason");
            if (!reason.isEmpty()) {
                return reason;
            }
            long signal = Json.number(terminated, "signal");
            return signal != 0 ? "Signal:" + signal : "ExitCode:" + Json.number(terminated, "exitCode");
        }

        private static Instant lastFinishedAt(JsonNode status) {
            return Json.instant(Json.at(status, "lastState", "terminated", "finishedAt"));
        }

        private static Instant later(Instant current, Instant candidate) {
            return candidate != null && (current == null || candidate.isAfter(current)) ? candidate : current;
        }
    }
}
