package io.kube4j.cli;

import io.kube4j.apiserver.ApiServerConfig;
import io.kube4j.apiserver.ServiceNetwork;
import io.kube4j.node.sim.SimulatedNodesConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kube4j server}: the control plane on the embedded store, with k3s-like flags. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the kube4j control plane: API server, store, scheduler and controllers (and simulated nodes on request).")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "(data) Folder for state, certificates and kubeconfig (default: /var/lib/kube4j as root, ~/.kube4j otherwise)")
    private Path dataDir;

    @Option(names = "--https-listen-port", defaultValue = "6443", description = "(listener) HTTPS port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--bind-address", defaultValue = "0.0.0.0", description = "(listener) Address to listen on (default: ${DEFAULT-VALUE})")
    private String bindAddress;

    @Option(names = "--advertise-address", description = "(listener) Address clients use (default: the bind address, or 127.0.0.1)")
    private String advertiseAddress;

    @Option(names = "--datastore-endpoint", paramLabel = "URL",
            description = "(db) External store, e.g. sqlite:///path/state.db (default: SQLite in the data dir)")
    private String datastoreEndpoint;

    @Option(names = "--disable-agent", description = "(agent) Do not run the local node agent")
    private boolean disableAgent;

    @Option(names = "--simulated-nodes", defaultValue = "0", paramLabel = "N",
            description = "(agent) Register N simulated nodes (kwok-like) instead of a real node agent (default: ${DEFAULT-VALUE})")
    private int simulatedNodes;

    @Option(names = "--simulated-node-cpu", defaultValue = "32", paramLabel = "QUANTITY",
            description = "(agent) CPU capacity of each simulated node (default: ${DEFAULT-VALUE})")
    private String simulatedNodeCpu;

    @Option(names = "--simulated-node-memory", defaultValue = "256Gi", paramLabel = "QUANTITY",
            description = "(agent) Memory capacity of each simulated node (default: ${DEFAULT-VALUE})")
    private String simulatedNodeMemory;

    @Option(names = "--simulated-node-pods", defaultValue = "110", paramLabel = "N",
            description = "(agent) Pods capacity of each simulated node (default: ${DEFAULT-VALUE})")
    private int simulatedNodePods;

    @Option(names = "--write-kubeconfig", paramLabel = "PATH", description = "(client) Also write the admin kubeconfig here")
    private Path writeKubeconfig;

    @Option(names = "--cluster-cidr", defaultValue = "10.244.0.0/16", description = "(networking) Pod network (default: ${DEFAULT-VALUE})")
    private String clusterCidr;

    @Option(names = "--service-cidr", defaultValue = "10.96.0.0/12", description = "(networking) Service network (default: ${DEFAULT-VALUE})")
    private String serviceCidr;

    @Option(names = "--cluster-dns", defaultValue = "10.96.0.10", description = "(networking) Cluster DNS service IP (default: ${DEFAULT-VALUE})")
    private String clusterDns;

    @Option(names = "--token", defaultValue = "${env:KUBE4J_TOKEN}", description = "(cluster) Shared secret node agents join with (default: generated on first start; the full token is kept in DATA_DIR/token) [$KUBE4J_TOKEN]")
    private String token;

    @Override
    public Integer call() throws Exception {
        ServiceNetwork.parse(serviceCidr);
        ApiServerConfig config = new ApiServerConfig(resolveDataDir(), bindAddress, port, resolveAdvertiseAddress(),
                datastoreEndpoint, token, serviceCidr);
        SimulatedNodesConfig nodes = simulatedNodes == 0 ? null : SimulatedNodesConfig.defaults(simulatedNodes)
                .withCapacity(simulatedNodeCpu, simulatedNodeMemory, simulatedNodePods).withClusterCidr(clusterCidr);
        Kube4jServer server = Kube4jServer.start(new Kube4jServer.Settings(config, nodes));
        if (writeKubeconfig != null) {
            server.api().writeKubeconfig(writeKubeconfig, config);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kube4j-shutdown"));
        String url = "https://" + config.advertiseAddress() + ":" + server.api().port();
        System.out.println("kube4j server is running at " + url);
        System.out.println("export KUBECONFIG=" + server.api().kubeconfig().toAbsolutePath());
        System.out.println("To join: kube4j agent --server " + url + " --token-file " + server.api().joinToken().file()
                + " --simulate N");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private Path resolveDataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        return root ? Path.of("/var/lib/kube4j") : Path.of(System.getProperty("user.home"), ".kube4j");
    }

    private String resolveAdvertiseAddress() {
        if (advertiseAddress != null) {
            return advertiseAddress;
        }
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
    }
}
