package io.kube4j.scheduler.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-pod, per-cycle state plugins write in PreFilter/PreScore and read in Filter/Score. Copied
 * (entry by entry) when a "what if" evaluation must change it, as preemption does per node.
 */
public final class CycleState {
    /** A plugin's state entry; {@link #copy()} must be deep enough for the pod add/remove extensions. */
    public interface Data {
        Data copy();
    }

    private final Map<String, Data> data = new HashMap<>();
    private final Set<String> skipFilter = new HashSet<>();
    private final Set<String> skipScore = new HashSet<>();
    /** The filters not skipped, worked out on the first node filtered (not per node); null until then. */
    private List<FilterPlugin> filtersToRun;

    public void write(String key, Data value) {
        data.put(key, value);
    }

    /** The entry under {@code key}, or an {@link IllegalStateException} naming it (a plugin read before it wrote). */
    public <T extends Data> T read(String key, Class<T> type) {
        Data value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("reading \"" + key + "\" from cycle state: not found");
        }
        return type.cast(value);
    }

    public boolean has(String key) {
        return data.containsKey(key);
    }

    /** Marks {@code plugin}'s Filter as not needed for this pod (its PreFilter returned Skip). */
    public void skipFilter(String plugin) {
        skipFilter.add(plugin);
        filtersToRun = null;
    }

    public boolean skipsFilter(String plugin) {
        return skipFilter.contains(plugin);
    }

    /** Those of the profile's {@code filters} this pod's cycle runs (the ones not skipped), in order. */
    List<FilterPlugin> filtersToRun(List<FilterPlugin> filters) {
        if (filtersToRun == null) {
            filtersToRun = filters.stream().filter(f -> !skipFilter.contains(f.name())).toList();
        }
        return filtersToRun;
    }

    /** Marks {@code plugin}'s Score as not needed for this pod (its PreScore returned Skip). */
    public void skipScore(String plugin) {
        skipScore.add(plugin);
    }

    public boolean skipsScore(String plugin) {
        return skipScore.contains(plugin);
    }

    public CycleState copy() {
        CycleState copy = new CycleState();
        data.forEach((k, v) -> copy.data.put(k, v.copy()));
        copy.skipFilter.addAll(skipFilter);
        copy.skipScore.addAll(skipScore);
        return copy;
    }
}
