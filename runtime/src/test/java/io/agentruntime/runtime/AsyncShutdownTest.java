package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Stopping a runtime that runs a worker: it waits for the dispatch under way and the queue's
 * receive, but on no event loop, and local mode's embedded queue lets it stop promptly.
 */
class AsyncShutdownTest {

  private static final String ORDER =
      "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {}}";

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureTheLog() {
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void release() {
    root().detachAppender(log);
  }

  @Test
  void waitingForARunningDispatchAtShutdownBlocksNoEventLoop() throws Exception {
    // The dispatch outlasts Vert.x's 2s event-loop limit: waiting for it there would be reported.
    try (LoopbackServer backend =
        LoopbackServer.start(Responders.after(Duration.ofSeconds(4), Responders.ok()))) {
      TestRuntime runtime = start(backend, "worker: {waitTime: 1s, visibilityTimeout: 10s}");
      assertThat(runtime.post("/dispatch", ORDER, "prefer", "respond-async").statusCode())
          .isEqualTo(202);
      await().atMost(Duration.ofSeconds(20)).until(() -> backend.receivedCount() == 1);

      runtime.close();

      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(message -> message.contains("has been blocked for"));
    }
  }

  @Test
  void localModeStopsWithoutWaitingOutALongPoll() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.ok())) {
      TestRuntime runtime = start(backend, "");

      // SQS's longest receive is 20s; a stop must not wait for the one under way.
      CompletableFuture<Void> stopped =
          CompletableFuture.runAsync(
              () -> {
                try {
                  runtime.close();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      await().atMost(Duration.ofSeconds(8)).until(stopped::isDone);
      stopped.get(1, TimeUnit.SECONDS);
    }
  }

  private TestRuntime start(LoopbackServer backend, String worker) throws Exception {
    String config =
        TestRuntime.baseConfig()
            + """
            async:
              queue: {embedded: true}
            %s
            intents:
              - name: lookup_order
                backend: {type: http, url: "%s"}
                async: {timeout: 30s}
            """
                .formatted(worker.indent(2).stripTrailing(), backend.url("/tool"));
    return TestRuntime.start(
        dir, config, Map.of("policies.cedar", TestRuntime.ALLOW_ALL), Map.of());
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
