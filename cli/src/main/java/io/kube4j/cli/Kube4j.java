package io.kube4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one binary: {@code kube4j server} and {@code kube4j agent}. */
@Command(name = "kube4j", mixinStandardHelpOptions = true, versionProvider = Kube4j.Version.class,
        description = "A small Kubernetes in one jar.", subcommands = {ServerCommand.class, AgentCommand.class})
public final class Kube4j implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new Kube4j()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the kube4j version and the Kubernetes version it serves. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Kube4j.class.getPackage().getImplementationVersion();
            return new String[] {"kube4j version " + (version == null ? "dev" : version)
                    + " (Kubernetes API " + io.kube4j.apiserver.ApiServer.VERSION + ")"};
        }
    }
}
