package io.kube4j.controllers.volume;

/**
 * The local-path provisioner's configuration.
 *
 * @param storageRoot the directory on each node under which provisioned volumes live, one
 *                    sub-directory per PersistentVolume
 */
public record LocalPathSettings(String storageRoot) {
    public static final String PROVISIONER = "kube4j.io/local-path";
    public static final String STORAGE_CLASS = "local-path";

    public static LocalPathSettings defaults() {
        return new LocalPathSettings("/var/lib/kube4j/storage");
    }
}
