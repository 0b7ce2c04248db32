package io.kube4j.apiserver;

import java.nio.file.Path;

/**
 * Everything the API server needs to start, resolved once by the command line.
 *
 * @param dataDir           where the store, TLS material and kubeconfig live
 * @param bindAddress       the address to listen on
 * @param port              the HTTPS port (0: any free port, see {@link ApiServer#port()})
 * @param advertiseAddress  the address clients and the {@code kubernetes} endpoints use
 * @param datastoreEndpoint null for the embedded SQLite store, else the external store's URL
 * @param token             the join secret (or full K10 token) node agents present, or null to reuse the one
 *                          in {@code DATA_DIR/token} or generate one
 * @param serviceCidr       the ClusterIP range, e.g. {@code 10.96.0.0/12}
 */
public record ApiServerConfig(Path dataDir, String bindAddress, int port, String advertiseAddress,
                              String datastoreEndpoint, String token, String serviceCidr) {
}
