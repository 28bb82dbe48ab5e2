package io.agentruntime.runtime.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchedLineAppenderTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final BatchedLineAppender appender = new BatchedLineAppender();

  @AfterEach
  void stop() {
    appender.stop();
  }

  @Test
  void writesEveryLineInOrderWithinAFlushInterval() {
    start(20, 1_000);

    IntStream.range(0, 500).forEach(i -> appender.doAppend(event("{\"n\":" + i + "}")));

    String expected =
        IntStream.range(0, 500).mapToObj(i -> "{\"n\":" + i + "}\n").reduce("", String::concat);
    await().atMost(Duration.ofSeconds(5)).until(() -> written().equals(expected));
  }

  @Test
  void stoppingWritesWhatIsStillQueued() {
    start(60_000, 1_000);
    appender.doAppend(event("last words"));

    appender.stop();

    assertThat(written()).isEqualTo("last words\n");
  }

  @Test
  void dropsLinesPastTheBoundInsteadOfGrowing() {
    start(60_000, 3);

    IntStream.range(0, 10).forEach(i -> appender.doAppend(event("line " + i)));
    appender.stop();

    assertThat(written()).isEqualTo("line 0\nline 1\nline 2\n");
  }

  private void start(long flushIntervalMillis, int maxPendingLines) {
    appender.setContext(context);
    appender.setOutputStream(out);
    appender.setFlushIntervalMillis(flushIntervalMillis);
    appender.setMaxPendingLines(maxPendingLines);
    appender.start();
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent(
        getClass().getName(),
        context.getLogger(DecisionLog.LOGGER),
        Level.INFO,
        message,
        null,
        null);
  }

  private String written() {
    synchronized (appender) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
