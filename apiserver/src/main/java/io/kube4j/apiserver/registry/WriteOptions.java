package io.kube4j.apiserver.registry;

/** Per-request write settings: dry run and the field manager recorded for the change. */
public record WriteOptions(boolean dryRun, String fieldManager) {
    public static final WriteOptions DEFAULT = new WriteOptions(false, null);
}
