package io.kube4j.controllers.serviceaccount;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.util.List;

/**
 * Gives every active namespace a {@code default} ServiceAccount (the one pods run as unless they
 * name another), recreating it if deleted, as upstream's serviceaccounts-controller. Keys are
 * namespace names.
 */
public final class ServiceAccountController extends Controller {
    public static final String NAME = "serviceaccount-controller";
    public static final String DEFAULT_ACCOUNT = "default";

    private final ControllerContext context;
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<ServiceAccount> accounts;

    public ServiceAccountController(ControllerContext context) {
        super(NAME, 1);
        this.context = context;
        this.namespaces = context.informer(Namespace.class);
        this.accounts = context.informer(ServiceAccount.class);
        namespaces.addEventHandler(enqueueing(ns -> List.of(ns.getMetadata().getName())));
        accounts.addEventHandler(enqueueing(sa -> DEFAULT_ACCOUNT.equals(sa.getMetadata().getName())
                ? List.of(sa.getMetadata().getNamespace()) : List.of()));
    }

    @Override
    protected void sync(String namespaceName) {
        Namespace namespace = namespaces.getStore().getByKey(namespaceName);
        boolean active = namespace != null && namespace.getMetadata().getDeletionTimestamp() == null
                && (namespace.getStatus() == null || !"Terminating".equals(namespace.getStatus().getPhase()));
        if (!active || accounts.getStore().getByKey(namespaceName + "/" + DEFAULT_ACCOUNT) != null) {
            return;
        }
        try {
            context.client().serviceAccounts().inNamespace(namespaceName).resource(new ServiceAccountBuilder()
                    .withNewMetadata().withName(DEFAULT_ACCOUNT).withNamespace(namespaceName).endMetadata().build())
                    .create();
        } catch (KubernetesClientException e) {
            // Already there (our cache is behind) or the namespace started terminating meanwhile: both fine.
            if (e.getCode() != 409 && e.getCode() != 403) {
                throw e;
            }
        }
    }
}
