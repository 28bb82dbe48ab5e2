package io.agentruntime.runtime;

import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.runtime.async.EmbeddedQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A runtime's long-running dispatches spread over processes, as in a cluster: a real SQS-compatible
 * queue (ElasticMQ) on loopback with its dead-letter queue, the records in a real dynalite, and API
 * runtimes and workers configured from one file each.
 */
final class AsyncFleet implements AutoCloseable {

  private static final AtomicInteger QUEUES = new AtomicInteger();

  private final EmbeddedQueue sqs;
  private final LocalRegion region;
  private final AsyncConfig.Sqs queue;
  private final SqsClient client;

  AsyncFleet(EmbeddedQueue sqs, LocalRegion region, int maxReceiveCount) {
    this.sqs = sqs;
    this.region = region;
    this.queue = sqs.createQueue("dispatches-" + QUEUES.incrementAndGet(), maxReceiveCount);
    this.client =
        SqsClient.builder()
            .region(software.amazon.awssdk.regions.Region.of(EmbeddedQueue.REGION))
            .endpointOverride(sqs.endpoint())
            .build();
  }

  /**
   * The configuration of a runtime of this fleet: the dynalite's policies and records, this fleet's
   * queue, a worker's visibility timeout of {@code visibility}, and {@code intents}.
   */
  String config(boolean workerInProcess, Duration visibility, String intents) {
    return config(workerInProcess, visibility, 16, intents);
  }

  /** {@link #config(boolean, Duration, String)} for workers of {@code maxInFlight} each. */
  String config(boolean workerInProcess, Duration visibility, int maxInFlight, String intents) {
    return TestRuntime.serverConfig()
        + """
        governance:
          refreshInterval: 100ms
          store:
            dynamodb:
              table: %s
              region: eu-west-1
              regions: [%s]
        async:
          queue: {url: "%s", region: %s, endpoint: "%s"}
          records: dynamodb
          worker: {inProcess: %s, waitTime: 1s, visibilityTimeout: %ds, maxInFlight: %d}
        """
            .formatted(
                LocalRegion.TABLE,
                region.configEntry(),
                queue.url(),
                EmbeddedQueue.REGION,
                sqs.endpoint(),
                workerInProcess,
                visibility.toSeconds(),
                maxInFlight)
        + intents;
  }

  /** An API runtime of this fleet, running no worker. */
  TestRuntime api(Path dir, String intents) throws Exception {
    return TestRuntime.startFrom(
        write(dir, "api", config(false, Duration.ofSeconds(2), intents)), Map.of());
  }

  /** A worker of this fleet in this process, its visibility timeout 2s. */
  TestRuntime worker(Path dir, String name, String intents) throws Exception {
    return worker(dir, name, intents, Duration.ofSeconds(2));
  }

  /** A worker of this fleet in this process. */
  TestRuntime worker(Path dir, String name, String intents, Duration visibility) throws Exception {
    return worker(dir, name, intents, visibility, 16);
  }

  /** A worker of this fleet in this process, running up to {@code maxInFlight} dispatches. */
  TestRuntime worker(Path dir, String name, String intents, Duration visibility, int maxInFlight)
      throws Exception {
    return TestRuntime.startFrom(
        write(dir, name, config(false, visibility, maxInFlight, intents)),
        Map.of(),
        RuntimeServer.Role.WORKER);
  }

  static Path write(Path dir, String name, String yaml) throws java.io.IOException {
    return Files.writeString(
        Files.createDirectories(dir.resolve(name)).resolve("runtime.yaml"), yaml);
  }

  /**
   * Sends a second copy of the one message waiting in the queue, as SQS's at-least-once delivery
   * may: two messages of one dispatch.
   */
  void duplicateTheWaitingMessage() {
    var waiting =
        client
            .receiveMessage(
                receive ->
                    receive
                        .queueUrl(queue.url().toString())
                        .visibilityTimeout(0)
                        .waitTimeSeconds(5))
            .messages();
    if (waiting.size() != 1) {
      throw new IllegalStateException("expected one waiting message, found " + waiting.size());
    }
    client.sendMessage(
        send -> send.queueUrl(queue.url().toString()).messageBody(waiting.getFirst().body()));
  }

  /** Messages in the queue, visible or held by a worker. */
  int depth() {
    return depth(queue.url().toString());
  }

  /** Messages in the dead-letter queue. */
  int deadLetters() {
    return depth(queue.url().toString() + "-dlq");
  }

  private int depth(String url) {
    Map<QueueAttributeName, String> attributes =
        client
            .getQueueAttributes(
                get ->
                    get.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Override
  public void close() {
    client.close();
  }
}
