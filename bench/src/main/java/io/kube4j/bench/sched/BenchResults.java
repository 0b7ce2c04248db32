package io.kube4j.bench.sched;

import io.kube4j.bench.ProcessMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the phases measured, filled in as they run; a phase that failed leaves its field null. */
final class BenchResults {
    Double schedulingClusterReadySeconds;
    SchedulingRun.Result scheduling;
    BindingRun.Result binding;
    Double churnClusterReadySeconds;
    List<ChurnRun.Phase> churn;
    final List<PhaseCost> costs = new ArrayList<>();
    final Map<String, ProcessMemory> memory = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    void cost(PhaseCost cost) {
        costs.add(cost);
        memory.put(cost.phase(), cost.serverMemory());
    }

    void fail(String phase, Exception failure) {
        Progress.log("%s failed: %s", phase, failure);
        failures.add(phase + ": " + failure.getMessage());
    }
}
