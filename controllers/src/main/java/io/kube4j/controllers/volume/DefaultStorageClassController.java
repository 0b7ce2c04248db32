package io.kube4j.controllers.volume;

import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.Map;

/**
 * Creates the cluster's default StorageClass {@value LocalPathSettings#STORAGE_CLASS} (served by
 * {@link LocalPathProvisioner}: WaitForFirstConsumer, reclaim Delete) when the controller manager
 * starts and it is missing, as k3s ships it. A class deleted later stays deleted.
 */
public final class DefaultStorageClassController extends Controller {
    public static final String NAME = "default-storageclass";

    private final ControllerContext context;

    public DefaultStorageClassController(ControllerContext context) {
        super(NAME, 1);
        this.context = context;
        enqueue(LocalPathSettings.STORAGE_CLASS);
    }

    @Override
    protected void sync(String name) {
        var classes = context.client().storage().v1().storageClasses();
        if (classes.withName(name).get() != null) {
            return;
        }
        try {
            classes.resource(new StorageClassBuilder()
                    .withNewMetadata().withName(name).withAnnotations(Map.of(Claims.IS_DEFAULT_CLASS, "true")).endMetadata()
                    .withProvisioner(LocalPathSettings.PROVISIONER)
                    .withVolumeBindingMode("WaitForFirstConsumer")
                    .withReclaimPolicy("Delete")
                    .build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
