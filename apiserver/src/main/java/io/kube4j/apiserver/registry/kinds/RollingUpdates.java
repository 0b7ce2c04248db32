package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.FieldError;
import java.util.List;

/** maxUnavailable/maxSurge of Deployments and DaemonSets: counts or percentages, not both zero. */
final class RollingUpdates {
    private RollingUpdates() {
    }

    static void validate(JsonNode rollingUpdate, String path, List<FieldError> errors) {
        JsonNode maxUnavailable = rollingUpdate.get("maxUnavailable");
        JsonNode maxSurge = rollingUpdate.get("maxSurge");
        Checks.intOrPercent(maxUnavailable, path + ".maxUnavailable", errors);
        Checks.intOrPercent(maxSurge, path + ".maxSurge", errors);
        if (Checks.isZero(maxUnavailable) && (maxSurge == null || maxSurge.isNull() || Checks.isZero(maxSurge))) {
            Object shown = maxUnavailable.isNumber() ? maxUnavailable.asLong() : maxUnavailable.asText();
            errors.add(FieldError.invalid(path + ".maxUnavailable", shown, "may not be 0 when `maxSurge` is 0"));
        }
    }
}
