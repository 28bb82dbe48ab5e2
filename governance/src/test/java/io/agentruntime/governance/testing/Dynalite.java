package io.agentruntime.governance.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real dynalite (DynamoDB on LevelDB, from npm) on a free 127.0.0.1 port, started as a child
 * process with its data in a temporary directory, so that it can be stopped and started again with
 * its tables intact.
 *
 * <p>It runs under {@code tools/dynalite-server.js}, which keeps it serving when a client
 * disconnects in the middle of a request (a process the test kills), as DynamoDB does; dynalite's
 * own command line would exit. The {@code cli.js} comes from the system property {@code
 * dynalite.cli}, else from {@code tools/dynalite} (which installs it into {@code .cache/dynalite}
 * once). Where Node.js or npm is missing, the calling test is skipped with a message saying so.
 */
public final class Dynalite implements AutoCloseable {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
  private static Path cli;

  private final Path dataDirectory;
  private final Path log;
  private final int port;
  private Process process;

  private Dynalite(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    this.port = port;
  }

  /** Starts a new, empty dynalite; skips the calling test where dynalite cannot be installed. */
  public static Dynalite start() {
    Path cliJs = cli();
    try {
      Path data = Files.createTempDirectory("dynalite-");
      Dynalite dynalite = new Dynalite(data, freePort());
      dynalite.launch(cliJs);
      return dynalite;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The endpoint to give the SDK. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the process (by its PID) and waits until it is gone; the data stays. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Starts the stopped process again on the same port with the same data. */
  public void restart() {
    stop();
    launch(cli());
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch(Path cliJs) {
    List<String> command =
        List.of(
            "node",
            repositoryRoot().resolve("tools/dynalite-server.js").toString(),
            cliJs.toString(),
            "127.0.0.1",
            Integer.toString(port),
            dataDirectory.toString(),
            "50");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    await("dynalite listening on port " + port)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .failFast("dynalite exited; its output is in " + log, () -> !process.isAlive())
        .until(this::accepts);
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static synchronized Path cli() {
    if (cli == null) {
      String configured = System.getProperty("dynalite.cli");
      cli = configured != null && !configured.isBlank() ? Path.of(configured) : installed();
    }
    if (!Files.isRegularFile(cli)) {
      skip("dynalite cli.js not found at " + cli);
    }
    return cli;
  }

  /** Runs {@code tools/dynalite}, which installs dynalite when missing and prints its cli.js. */
  private static Path installed() {
    if (!succeeds("node", "--version") || !succeeds("npm", "--version")) {
      skip("Node.js and npm are needed to run dynalite");
    }
    Path script = repositoryRoot().resolve("tools/dynalite");
    try {
      Process install =
          new ProcessBuilder(script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished = install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!finished || install.exitValue() != 0) {
        skip(script + " could not install dynalite");
      }
      return Path.of(output.strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing dynalite", e);
    }
  }

  /** Skips the calling test, saying why in the build output as well as in the test report. */
  private static void skip(String reason) {
    String message = reason + "; the DynamoDB store tests are skipped";
    LOG.warn(message);
    Assumptions.abort(message);
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("tools/dynalite"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "tools/dynalite not found above " + Path.of("").toAbsolutePath());
  }

  private static boolean succeeds(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
