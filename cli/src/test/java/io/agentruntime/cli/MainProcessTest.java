package io.agentruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.cli.policies.LocalTable;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code main} in a JVM of its own, as {@code make run}, the image and a user's shell start it: the
 * serve path still starts and drains on SIGTERM, and a policies command exits by itself with only
 * its result on standard output.
 */
class MainProcessTest {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Pattern LISTENING =
      Pattern.compile(
          "listening on http://[^:]+:\\d+ \\(probes and metrics on http://[^:]+:(\\d+)");

  @TempDir Path dir;

  @Test
  void serveWithTheLocalExampleConfigAnswersAndDrainsOnSigterm() throws Exception {
    Process runtime =
        start(
            Map.of("AGENT_SERVER_PORT", "0", "AGENT_MANAGEMENT_PORT", "0"),
            "--config",
            "../examples/local/runtime.yaml");
    try {
      Path out = dir.resolve("stdout");
      await("the runtime's listening line")
          .atMost(WAIT)
          .failFast("the runtime exited", () -> !runtime.isAlive())
          .until(() -> LISTENING.matcher(read(out)).find());
      Matcher listening = LISTENING.matcher(read(out));
      assertThat(listening.find()).isTrue();

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + listening.group(1) + "/healthz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      runtime.destroy();
      assertThat(runtime.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(read(out)).contains("shutting down: draining in-flight requests");
    } finally {
      runtime.destroyForcibly();
    }
  }

  @Test
  void aPoliciesCommandPrintsOnlyItsResultAndExits() throws Exception {
    try (LocalPolicyTable table = LocalTable.start()) {
      List<String> args =
          new ArrayList<>(
              List.of(LocalTable.args(table, "list", new PolicySetKey("agents", "support"))));
      Process list =
          start(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"), args);
      try {
        assertThat(list.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(list.exitValue()).isZero();
        assertThat(read(dir.resolve("stdout")))
            .isEqualTo(
                "policy set agents/support in table 'governance-policies': version 0, 0 policies"
                    + System.lineSeparator());
        assertThat(read(dir.resolve("stderr"))).isEmpty();
      } finally {
        list.destroyForcibly();
      }
    }
  }

  private Process start(Map<String, String> environment, String... args) throws IOException {
    return start(environment, List.of(args));
  }

  /** Runs {@code main} on this test's class path, its output in {@code dir}. */
  private Process start(Map<String, String> environment, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AgentRuntimeCommand.class.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    builder.environment().remove("AWS_REGION");
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
