package io.agentruntime.runtime.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The MCP reference server {@code @modelcontextprotocol/server-everything} (npm) in its Streamable
 * HTTP mode, on a free loopback port, as a child process. {@code tools/mcp-server-everything}
 * installs it into {@code .cache/server-everything} once; where Node.js or npm is missing, the
 * calling test is skipped with a message saying so.
 */
public final class ServerEverything implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private ServerEverything(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static ServerEverything start() throws IOException, InterruptedException {
    Path entry = installed();
    int port = freePort();
    Path log = Files.createTempFile("server-everything-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder("node", entry.toString(), "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    await("server-everything listening on port " + port)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .failFast("server-everything exited; its output is in " + log, () -> !process.isAlive())
        .until(() -> accepts(port));
    return new ServerEverything(process, port, log);
  }

  /** Its Streamable HTTP endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }

  private static Path installed() throws IOException, InterruptedException {
    if (!succeeds("node", "--version") || !succeeds("npm", "--version")) {
      Assumptions.abort("Node.js and npm are needed to run server-everything; test skipped");
    }
    Path script = repositoryRoot().resolve("tools/mcp-server-everything");
    Process install =
        new ProcessBuilder(script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!install.waitFor(3, TimeUnit.MINUTES) || install.exitValue() != 0) {
      Assumptions.abort(script + " could not install server-everything; test skipped");
    }
    return Path.of(output.strip());
  }

  private static boolean succeeds(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("tools/mcp-server-everything"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "tools/mcp-server-everything not found above the working directory");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
