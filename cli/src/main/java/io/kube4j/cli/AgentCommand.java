package io.kube4j.cli;

import io.kube4j.apiserver.join.JoinToken;
import io.kube4j.node.sim.SimulatedNodesConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kube4j agent}: joins a running {@code kube4j server} with its token, like {@code k3s agent}, and
 * runs the node side against it until stopped. For now the node side is simulated nodes only.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Join a kube4j server as a node agent (simulated nodes for now).")
final class AgentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:KUBE4J_URL}",
            description = "(cluster) Server to connect to, https://HOST:PORT [$KUBE4J_URL]")
    private URI server;

    @Option(names = "--token", defaultValue = "${env:KUBE4J_TOKEN}", paramLabel = "TOKEN",
            description = "(cluster) Token to join with: K10<ca-hash>::server:<secret>, or the bare secret with --server-ca [$KUBE4J_TOKEN]")
    private String token;

    @Option(names = "--token-file", defaultValue = "${env:KUBE4J_TOKEN_FILE}", paramLabel = "FILE",
            description = "(cluster) File holding the token, e.g. the server's DATA_DIR/token; wins over --token [$KUBE4J_TOKEN_FILE]")
    private Path tokenFile;

    @Option(names = "--server-ca", paramLabel = "FILE",
            description = "(cluster) PEM file of the server's CA; needed when the token has no K10 CA hash")
    private Path serverCa;

    @Option(names = "--simulate", paramLabel = "N",
            description = "(agent) Run N simulated nodes (kwok-like); required until the CRI kubelet exists")
    private Integer simulate;

    @Option(names = "--node-name-prefix", defaultValue = "sim-", paramLabel = "PREFIX",
            description = "(agent) Simulated nodes are named PREFIX0 .. PREFIX(N-1) (default: ${DEFAULT-VALUE})")
    private String nodeNamePrefix;

    @Override
    public Integer call() throws Exception {
        Agent agent;
        try {
            agent = start();
        } catch (JoinException e) {
            spec.commandLine().getErr().println("kube4j agent: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "kube4j-agent-shutdown"));
        var names = agent.simulatedNodes().nodeNames();
        System.out.println("kube4j agent joined " + server + " with " + names.size() + " simulated nodes ("
                + names.getFirst() + " .. " + names.getLast() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Validates the options, joins the server and starts the nodes (what {@link #call()} runs until stopped). */
    Agent start() throws Exception {
        if (simulate == null) {
            throw new ParameterException(spec.commandLine(), "--simulate N is required: kube4j agent only runs"
                    + " simulated nodes for now (the CRI kubelet comes later)");
        }
        if (simulate < 1) {
            throw new ParameterException(spec.commandLine(), "--simulate must be at least 1, got " + simulate);
        }
        if (server == null) {
            throw new ParameterException(spec.commandLine(), "--server https://HOST:PORT is required");
        }
        JoinSettings join;
        try {
            join = new JoinSettings(server, joinToken(), serverCa);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return Agent.start(join, SimulatedNodesConfig.defaults(simulate).withNamePrefix(nodeNamePrefix));
    }

    private JoinToken joinToken() {
        if (tokenFile != null) {
            try {
                return JoinToken.parse(Files.readString(tokenFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --token-file " + tokenFile + ": " + e.getMessage(), e);
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--token or --token-file is required to join a server");
        }
        return JoinToken.parse(token);
    }
}
