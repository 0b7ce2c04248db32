package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PersistentVolumeClaims, PersistentVolumes and StorageClasses the scheduler has seen, fed by
 * informers (or by tests), read by {@link VolumeBinding}.
 */
public final class StorageObjects {
    private final Map<String, PersistentVolumeClaim> claims = new ConcurrentHashMap<>();
    private final Map<String, PersistentVolume> volumes = new ConcurrentHashMap<>();
    private final Map<String, StorageClass> classes = new ConcurrentHashMap<>();

    public void putClaim(PersistentVolumeClaim claim) {
        claims.put(claimKey(claim.getMetadata().getNamespace(), claim.getMetadata().getName()), claim);
    }

    public void removeClaim(PersistentVolumeClaim claim) {
        claims.remove(claimKey(claim.getMetadata().getNamespace(), claim.getMetadata().getName()));
    }

    public void putVolume(PersistentVolume volume) {
        volumes.put(volume.getMetadata().getName(), volume);
    }

    public void removeVolume(PersistentVolume volume) {
        volumes.remove(volume.getMetadata().getName());
    }

    public void putClass(StorageClass storageClass) {
        classes.put(storageClass.getMetadata().getName(), storageClass);
    }

    public void removeClass(StorageClass storageClass) {
        classes.remove(storageClass.getMetadata().getName());
    }

    /** The claim, or null. */
    public PersistentVolumeClaim claim(String namespace, String name) {
        return claims.get(claimKey(namespace, name));
    }

    /** The volume, or null. */
    public PersistentVolume volume(String name) {
        return volumes.get(name);
    }

    public Collection<PersistentVolume> volumes() {
        return volumes.values();
    }

    /** The class, or null (also for the empty name, which means none). */
    public StorageClass storageClass(String name) {
        return name == null || name.isEmpty() ? null : classes.get(name);
    }

    private static String claimKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
