package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Why no node fits a pod, worded as upstream: {@code 0/3 nodes are available: 1 node(s) had
 * untolerated taint {k: v}, 2 Insufficient cpu.} — every node's reasons counted, sorted as
 * strings — then the pre-filter's message instead when the pod was rejected before any node, then
 * the post-filter's (preemption) message.
 */
public record FitError(int numAllNodes, Map<String, Status> nodeStatuses, String preFilterMessage,
                       String postFilterMessage) {

    public FitError {
        nodeStatuses = Collections.unmodifiableMap(nodeStatuses);
    }

    public FitError withPostFilterMessage(String message) {
        return new FitError(numAllNodes, nodeStatuses, preFilterMessage, message);
    }

    public String message() {
        StringBuilder msg = new StringBuilder("0/").append(numAllNodes).append(" nodes are available:");
        if (preFilterMessage != null && !preFilterMessage.isEmpty()) {
            msg.append(' ').append(preFilterMessage).append('.');
        } else {
            List<String> histogram = histogram(nodeStatuses.values());
            if (!histogram.isEmpty()) {
                msg.append(' ').append(String.join(", ", histogram)).append('.');
            }
        }
        if (postFilterMessage != null && !postFilterMessage.isEmpty()) {
            msg.append(' ').append(postFilterMessage);
        }
        return msg.toString();
    }

    /** The plugins that rejected the pod on some node: the queue retries it on their events. */
    public Set<String> rejectingPlugins() {
        Set<String> plugins = new TreeSet<>();
        for (Status s : nodeStatuses.values()) {
            if (s.plugin() != null && s.isRejected()) {
                plugins.add(s.plugin());
            }
        }
        return plugins;
    }

    /** "count reason" for each distinct reason, sorted as strings (so "1 node(s)..." before "2 Insufficient cpu"). */
    public static List<String> histogram(Iterable<Status> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Status s : statuses) {
            for (String reason : s.reasons()) {
                counts.merge(reason, 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((reason, n) -> lines.add(n + " " + reason));
        Collections.sort(lines);
        return lines;
    }
}
