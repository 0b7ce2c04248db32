package io.kube4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option checks of {@code kube4j agent} that fail before any connection is made. */
class AgentCommandTest {

    @Test
    void simulateIsRequiredForNow() {
        Result result = run("agent", "--server", "https://127.0.0.1:1", "--token", "s3cret", "--server-ca", "ca.crt");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("--simulate N is required: kube4j agent only runs simulated nodes for now"),
                result.err());
    }

    @Test
    void anUnreadableTokenFileIsAnError() {
        Result result = run("agent", "--server", "https://127.0.0.1:1", "--token-file", "/nonexistent/token",
                "--simulate", "1");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("cannot read --token-file /nonexistent/token"), result.err());
    }

    @Test
    void theServerMustBeHttps() {
        Result result = run("agent", "--server", "http://127.0.0.1:6443", "--token", "s3cret", "--server-ca", "ca.crt",
                "--simulate", "1");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("--server must be an https://HOST:PORT URL"), result.err());
    }

    @Test
    void theAgentIsASubcommand() {
        Result result = run("--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("agent"), result.out());
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Kube4j());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
