package io.agentruntime.contract.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Long-running dispatches (configuration {@code async}): where {@code Prefer: respond-async}
 * requests are queued, where their records live, and how a worker takes them. Absent, such requests
 * are answered synchronously.
 *
 * @param queue the SQS queue the dispatches wait in
 * @param records where each dispatch's events and current state are kept
 * @param worker how a worker receives and runs queued dispatches
 */
public record AsyncConfig(Queue queue, Records records, Worker worker) {

  public AsyncConfig {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(worker, "worker");
  }

  /** The queue: an SQS queue, or one served in process for local mode. */
  public sealed interface Queue {}

  /**
   * An SQS-compatible queue served inside the runtime's process (local mode, no AWS account), with
   * its dead-letter queue; its messages are lost when the process ends.
   *
   * @param name the queue's name; the dead-letter queue is {@code <name>-dlq}
   */
  public record Embedded(String name) implements Queue {
    public static final String DEFAULT_NAME = "agent-dispatches";
  }

  /**
   * An Amazon SQS standard queue.
   *
   * @param url the queue's URL
   * @param region the queue's region
   * @param endpoint another endpoint than the region's, e.g. an SQS-compatible server
   */
  public record Sqs(URI url, String region, Optional<URI> endpoint) implements Queue {}

  /** Where dispatch records are kept. */
  public enum Records {
    /** In this process: lost on restart, invisible to other pods (local mode). */
    MEMORY,
    /** In the table of {@code governance.store.dynamodb}, shared by the runtime and its workers. */
    DYNAMODB;

    /** The spelling in the configuration file. */
    public String displayName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * How a worker takes queued dispatches.
   *
   * @param inProcess whether the serving runtime runs a worker too (local mode); a cluster runs
   *     workers as {@code agent-runtime worker}
   * @param maxInFlight most dispatches one worker runs at once
   * @param visibilityTimeout how long a received message stays hidden from other workers; renewed
   *     while its dispatch runs, so a worker that dies leaves it to another after this long
   * @param waitTime how long one receive waits for messages (SQS long polling, at most 20s); a
   *     stopping worker waits for the receive under way, so the embedded queue's is short
   */
  public record Worker(
      boolean inProcess, int maxInFlight, Duration visibilityTimeout, Duration waitTime) {
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WAIT_TIME = Duration.ofSeconds(20);
    public static final Duration EMBEDDED_WAIT_TIME = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT_TIME = Duration.ofSeconds(20);
  }
}
