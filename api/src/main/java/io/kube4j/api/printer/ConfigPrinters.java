package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Config maps, secrets and service accounts. */
final class ConfigPrinters {
    private ConfigPrinters() {
    }

    static void addTo(Registry registry) {
        registry.add("", "ConfigMap", KindPrinter.of(ConfigPrinters::configMap,
                Column.NAME,
                Column.string("Data", "Number of data and binaryData entries."),
                Column.AGE));
        registry.add("", "Secret", KindPrinter.of(ConfigPrinters::secret,
                Column.NAME,
                Column.string("Type", "Type of the secret."),
                Column.string("Data", "Number of data entries."),
                Column.AGE));
        registry.add("", "ServiceAccount", KindPrinter.of(ConfigPrinters::serviceAccount,
                Column.NAME,
                Column.string("Secrets", "Number of secrets listed by the service account."),
                Column.AGE));
    }

    private static Object[] configMap(JsonNode configMap, Instant now) {
        long entries = Json.size(configMap, "data") + Json.size(configMap, "binaryData");
        return new Object[] {Json.name(configMap), entries, Durations.sinceCreation(configMap, now)};
    }

    /**
     * {@code stringData} is folded into {@code data} on write, so only {@code data} is counted. The type is
     * defaulted to Opaque on write as well.
     */
    private static Object[] secret(JsonNode secret, Instant now) {
        return new Object[] {
            Json.name(secret), Json.text(secret, "type"), (long) Json.size(secret, "data"),
            Durations.sinceCreation(secret, now)
        };
    }

    private static Object[] serviceAccount(JsonNode account, Instant now) {
        return new Object[] {Json.name(account), (long) Json.size(account, "secrets"), Durations.sinceCreation(account, now)};
    }
}
