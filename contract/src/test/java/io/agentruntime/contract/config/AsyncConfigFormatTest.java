package io.agentruntime.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code async} section and {@code intents[].async}: defaults, round trip, errors. */
class AsyncConfigFormatTest {

  private static final String INTENTS =
      """
      intents:
        - name: call_reasoning
          backend: {type: echo}
        - name: research
          backend: {type: echo}
          async: {timeout: 6h, maxAttempts: 5, resultTtl: 168h}
      """;

  private static final String DYNAMODB_STORE =
      """
      governance:
        store: {dynamodb: {table: governance, region: us-east-1}}
      """;

  @TempDir Path dir;

  @Test
  void withoutTheSectionEveryDispatchIsSynchronousAndIntentsKeepTheirDefaults() throws Exception {
    RuntimeConfig config = RuntimeConfigFormat.read(INTENTS, dir);

    assertThat(config.async()).isEmpty();
    assertThat(config.intents().getFirst().async()).isEqualTo(AsyncIntentConfig.DEFAULT);
    assertThat(config.intents().get(1).async())
        .isEqualTo(new AsyncIntentConfig(Duration.ofHours(6), 5, Duration.ofHours(168)));
  }

  @Test
  void anEmbeddedQueueKeepsRecordsInMemoryAndRunsAWorkerInProcess() throws Exception {
    AsyncConfig async =
        RuntimeConfigFormat.read("async: {queue: {embedded: true}}\n" + INTENTS, dir)
            .async()
            .orElseThrow();

    assertThat(async.queue()).isEqualTo(new AsyncConfig.Embedded("agent-dispatches"));
    assertThat(async.records()).isEqualTo(AsyncConfig.Records.MEMORY);
    assertThat(async.worker())
        .as("a short receive: a stopping worker waits for the one under way")
        .isEqualTo(new AsyncConfig.Worker(true, 4, Duration.ofSeconds(60), Duration.ofSeconds(1)));
  }

  @Test
  void anSqsQueueWithTheDynamoDbStoreKeepsRecordsInTheTableAndWorkersApart() throws Exception {
    String yaml =
        DYNAMODB_STORE
            + """
            async:
              queue: {url: "https://sqs.us-east-1.amazonaws.com/1/q", region: us-east-1}
            """
            + INTENTS;
    RuntimeConfig config = RuntimeConfigFormat.read(yaml, dir);
    AsyncConfig async = config.async().orElseThrow();

    assertThat(async.queue())
        .isEqualTo(
            new AsyncConfig.Sqs(
                URI.create("https://sqs.us-east-1.amazonaws.com/1/q"),
                "us-east-1",
                Optional.empty()));
    assertThat(async.records()).isEqualTo(AsyncConfig.Records.DYNAMODB);
    assertThat(async.worker().inProcess()).isFalse();
    assertThat(RuntimeConfigFormat.read(RuntimeConfigFormat.write(config), dir)).isEqualTo(config);
  }

  @Test
  void errorsNameTheKeyAtFault() {
    assertThatThrownBy(() -> RuntimeConfigFormat.read("async: {queue: {}}\n" + INTENTS, dir))
        .hasMessageStartingWith("async.queue.url: is required");
    assertThatThrownBy(
            () ->
                RuntimeConfigFormat.read(
                    "async: {queue: {embedded: true}, records: dynamodb}\n" + INTENTS, dir))
        .hasMessageStartingWith("async.records: dynamodb needs governance.store.dynamodb");
    assertThatThrownBy(
            () ->
                RuntimeConfigFormat.read(
                    "async: {queue: {embedded: true}, worker: {waitTime: 30s}}\n" + INTENTS, dir))
        .hasMessageStartingWith("async.worker.waitTime: must be at most 20s");
    assertThatThrownBy(
            () ->
                RuntimeConfigFormat.read(INTENTS.replace("maxAttempts: 5", "maxAttempts: 0"), dir))
        .hasMessageStartingWith("intents[1].async.maxAttempts: must be between 1 and 100");
  }
}
