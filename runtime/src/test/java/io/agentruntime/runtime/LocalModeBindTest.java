package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Local mode lets the body name its caller, so it must not end up on a network address by accident:
 * refused there unless explicitly allowed, and then announced at every start.
 */
class LocalModeBindTest {

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> serverLog = new ListAppender<>();

  @BeforeEach
  void captureTheServerLog() {
    serverLog.start();
    serverLogger().addAppender(serverLog);
  }

  @AfterEach
  void release() {
    serverLogger().detachAppender(serverLog);
  }

  @Test
  void localModeOnAllInterfacesRefusesToStart() throws Exception {
    Path config = config("0.0.0.0", "identity: {localMode: true}");
    StringWriter err = new StringWriter();

    int exitCode = RuntimeLauncher.serve(config, Map.of(), new PrintWriter(err, true));

    assertThat(exitCode).isEqualTo(RuntimeLauncher.INVALID_CONFIGURATION);
    assertThat(err.toString())
        .startsWith("invalid configuration: identity.localMode: ")
        .contains("server.host '0.0.0.0' is not a loopback address")
        .contains("identity.allowNonLoopbackLocalMode");
  }

  @Test
  void theEnvironmentOverrideIsRefusedOnTheDefaultAddressToo() throws Exception {
    Path config = config(null, "identity: {localMode: false}");
    StringWriter err = new StringWriter();

    assertThat(
            RuntimeLauncher.serve(
                config, Map.of("AGENT_LOCAL_MODE", "true"), new PrintWriter(err, true)))
        .isEqualTo(RuntimeLauncher.INVALID_CONFIGURATION);
    assertThat(err.toString()).contains("identity.localMode");
  }

  @Test
  void anExplicitOverrideStartsWithALoudWarning() throws Exception {
    Path config = config("0.0.0.0", "identity: {localMode: true, allowNonLoopbackLocalMode: true}");

    try (TestRuntime runtime = TestRuntime.startFrom(config, Map.of())) {
      runtime.assertStillServes();
    }

    assertThat(serverLog.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .contains("LOCAL MODE ON A NETWORK ADDRESS", "0.0.0.0", "context.user_id");
  }

  @Test
  void localModeOnLoopbackStartsQuietly() throws Exception {
    try (TestRuntime runtime =
        TestRuntime.startFrom(config("127.0.0.1", "identity: {localMode: true}"), Map.of())) {
      runtime.assertStillServes();
    }

    assertThat(serverLog.list).noneMatch(event -> event.getLevel() == Level.WARN);
  }

  private Path config(String host, String identity) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(policies.resolve("allow.cedar"), TestRuntime.ALLOW_ALL);
    String server =
        host == null
            ? "server: {port: 0, management: {port: 0}}"
            : "server: {host: " + host + ", port: 0, management: {port: 0}}";
    return Files.writeString(
        dir.resolve("runtime.yaml"),
        server
            + "\n"
            + identity
            + "\ngovernance: {store: {file: {directory: policies}}}\n"
            + TestRuntime.ECHO_INTENTS);
  }

  private static Logger serverLogger() {
    return (Logger) LoggerFactory.getLogger(RuntimeServer.class);
  }
}
