package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.testing.FakeTicker;
import io.kube4j.scheduler.testing.FakeWrites;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduling cycle alone at the benchmark's shape (scheduler_perf SchedulingBasic: 5,000
 * nodes, pods with cpu and memory requests), with bindings recorded instead of written: the
 * ceiling the API round trips then eat into. Prints pods/s over wall time and over the scheduling
 * thread's CPU time (steadier on a shared machine); asserts only that every pod is placed and no
 * node is over-committed.
 */
class SchedulingThroughputTest {
    @Test
    void schedulesTenThousandPodsOnFiveThousandNodes() throws InterruptedException {
        FakeWrites writes = new FakeWrites();
        Scheduler scheduler = new Scheduler(writes, new FakeTicker(), List::of);
        for (int i = 0; i < 5000; i++) {
            scheduler.onNodeAdd(node("node-" + i, "4", "32Gi", 110).build());
        }
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 10000; i++) {
            pods.add(pod("pod-" + i, "100m", "500Mi").build());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (Pod p : pods) {
            scheduler.onPodAdd(p);
        }
        int scheduled = 0;
        while (scheduler.scheduleOne(0)) {
            scheduled++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("scheduling cycle alone: %d pods on 5000 nodes in %.2f s = %.0f pods/s"
                + " (%.2f s of thread CPU = %.0f pods per CPU-second)%n",
                scheduled, seconds, scheduled / seconds, cpuSeconds, scheduled / cpuSeconds);
        assertEquals(10000, writes.bindings.size());
        Map<String, Integer> perNode = new HashMap<>();
        writes.bindings.values().forEach(n -> perNode.merge(n, 1, Integer::sum));
        int fullest = perNode.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(fullest <= 40, "4 cpu / 100m = at most 40 pods per node, found " + fullest);
    }
}
