package io.kube4j.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.resource.ResourceType;

/**
 * Checks that span kinds and run after a write was prepared and validated, before it is stored
 * (like upstream's admission chain: namespace lifecycle, service account defaults...).
 */
public interface Admission {
    Admission NONE = new Admission() {
    };

    default void admitCreate(ResourceType type, ObjectNode obj) {
    }

    default void admitUpdate(ResourceType type, ObjectNode obj, ObjectNode old) {
    }

    /** The checks in order; the first failure stops the write. */
    static Admission chain(Admission... steps) {
        return new Admission() {
            @Override
            public void admitCreate(ResourceType type, ObjectNode obj) {
                for (Admission step : steps) {
                    step.admitCreate(type, obj);
                }
            }

            @Override
            public void admitUpdate(ResourceType type, ObjectNode obj, ObjectNode old) {
                for (Admission step : steps) {
                    step.admitUpdate(type, obj, old);
                }
            }
        };
    }
}
