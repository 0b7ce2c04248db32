package io.kube4j.apiserver.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.resource.BuiltinResources;
import io.kube4j.api.resource.ResourceType;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.sqlite.SqliteKeyValueStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultStorageClassAdmissionTest {
    private static final ResourceType CLAIMS = BuiltinResources.all().stream()
            .filter(t -> t.group().isEmpty() && t.kind().equals("PersistentVolumeClaim")).findFirst().orElseThrow();

    @TempDir
    Path dir;
    private KeyValueStore store;
    private WatchCache cache;
    private DefaultStorageClassAdmission admission;

    @BeforeEach
    void setUp() {
        store = SqliteKeyValueStore.open(dir.resolve("db"));
        cache = new WatchCache(store, 100);
        cache.start();
        admission = new DefaultStorageClassAdmission(cache);
    }

    @AfterEach
    void tearDown() {
        cache.close();
        store.close();
    }

    private void storageClass(String name, String created, boolean isDefault) {
        ObjectNode sc = Json.object().put("apiVersion", "storage.k8s.io/v1").put("kind", "StorageClass");
        ObjectNode meta = sc.putObject("metadata").put("name", name).put("creationTimestamp", created);
        if (isDefault) {
            meta.putObject("annotations").put("storageclass.kubernetes.io/is-default-class", "true");
        }
        store.create("/registry/storage.k8s.io/storageclasses/" + name, Json.bytes(sc));
    }

    private static ObjectNode claim() {
        ObjectNode claim = Json.object().put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
        claim.putObject("metadata").put("name", "data");
        claim.putObject("spec").putArray("accessModes").add("ReadWriteOnce");
        return claim;
    }

    @Test
    void aClaimWithoutAClassGetsTheNewestDefault() {
        storageClass("old-default", "2026-01-01T00:00:00Z", true);
        storageClass("new-default", "2026-06-01T00:00:00Z", true);
        storageClass("newest-not-default", "2026-09-01T00:00:00Z", false);
        ObjectNode claim = claim();
        admission.admitCreate(CLAIMS, claim);
        assertEquals("new-default", claim.path("spec").path("storageClassName").asText());
    }

    @Test
    void aNamedOrExplicitlyEmptyClassIsKept() {
        storageClass("local-path", "2026-01-01T00:00:00Z", true);
        ObjectNode named = claim();
        named.withObjectProperty("spec").put("storageClassName", "fast");
        admission.admitCreate(CLAIMS, named);
        assertEquals("fast", named.path("spec").path("storageClassName").asText());
        ObjectNode none = claim();
        none.withObjectProperty("spec").put("storageClassName", "");
        admission.admitCreate(CLAIMS, none);
        assertEquals("", none.path("spec").path("storageClassName").asText());
    }

    @Test
    void withoutADefaultClassTheClaimStaysClassless() {
        storageClass("manual", "2026-01-01T00:00:00Z", false);
        ObjectNode claim = claim();
        admission.admitCreate(CLAIMS, claim);
        assertFalse(claim.path("spec").has("storageClassName"));
    }
}
