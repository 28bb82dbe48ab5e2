package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Starting a runtime logs no Micrometer warning: every meter filter is configured before the first
 * meter, and each meter is registered once, also when an in-process worker opens the intents'
 * backends a second time.
 */
class MicrometerLogTest {

  /**
   * Micrometer warns of a second registration of a meter once per JVM and logs later ones at debug
   * level under this logger, so a test running after another could miss the warning.
   */
  private static final String DOUBLE_REGISTRATION = "io.micrometer.core.instrument.MeterRegistry";

  @TempDir Path dir;

  @Test
  void theLocalExampleStartsWithoutAMicrometerWarning() throws Exception {
    List<ILoggingEvent> logged =
        micrometerLogsWhile(
            () ->
                TestRuntime.startFrom(
                        Path.of("../examples/local/runtime.yaml"),
                        Map.of("AGENT_SERVER_PORT", "0", "AGENT_MANAGEMENT_PORT", "0"))
                    .close());

    assertNoWarning(logged);
  }

  @Test
  void aRuntimeWithAWorkerBesideItsApiRegistersEachBackendPoolMeterOnce() throws Exception {
    try (LoopbackServer model = LoopbackServer.start(Responders.answering(new JsonObject()))) {
      String config =
          TestRuntime.baseConfig()
              + """
              async:
                queue: {embedded: true}
                worker: {waitTime: 1s, visibilityTimeout: 5s}
              intents:
                - name: summarize
                  backend: {type: openai, url: "%s", model: m, maxConnections: 3}
                  async: {timeout: 10s}
              """
                  .formatted(model.url(""));
      List<ILoggingEvent> logged =
          micrometerLogsWhile(
              () -> {
                try (TestRuntime runtime =
                    TestRuntime.start(dir, config, Map.of("allow.cedar", TestRuntime.ALLOW_ALL))) {
                  // the API's pool and the worker's, summed under the intent's one series
                  assertThat(runtime.management("/metrics").body())
                      .contains(
                          "agent_backend_pool_max_connections{backend=\"openai\","
                              + "intent=\"summarize\"} 6.0");
                }
              });

      assertNoWarning(logged);
    }
  }

  private static void assertNoWarning(List<ILoggingEvent> logged) {
    assertThat(logged)
        .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .noneMatch(event -> event.getLoggerName().equals(DOUBLE_REGISTRATION));
  }

  /** What Micrometer logged, at debug level and above, while {@code work} ran. */
  private static List<ILoggingEvent> micrometerLogsWhile(Work work) throws Exception {
    Logger micrometer = (Logger) LoggerFactory.getLogger("io.micrometer");
    Level level = micrometer.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    micrometer.addAppender(events);
    micrometer.setLevel(Level.DEBUG);
    try {
      work.run();
    } finally {
      micrometer.detachAppender(events);
      micrometer.setLevel(level);
    }
    return List.copyOf(events.list);
  }

  private interface Work {
    void run() throws Exception;
  }
}
