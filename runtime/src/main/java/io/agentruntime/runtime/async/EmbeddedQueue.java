package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS-compatible server (ElasticMQ) inside this process on a loopback port, for local mode and
 * tests: the runtime and its workers reach it through the same SQS client as Amazon SQS. It holds
 * the queue and its dead-letter queue, which takes a message received {@code maxReceiveCount}
 * times.
 */
public final class EmbeddedQueue implements AutoCloseable {

  /** The region ElasticMQ reports; any name works for a loopback server. */
  public static final String REGION = "elasticmq";

  private final SQSRestServer server;
  private final URI endpoint;

  private EmbeddedQueue(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Starts a server on a free loopback port. */
  public static EmbeddedQueue start() {
    int port = freePort();
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    return new EmbeddedQueue(server, URI.create("http://127.0.0.1:" + port));
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * Creates {@code name} with its dead-letter queue {@code <name>-dlq} (or finds them) and returns
   * the queue as configuration.
   *
   * @param maxReceiveCount receives of one message after which it moves to the dead-letter queue
   */
  public AsyncConfig.Sqs createQueue(String name, int maxReceiveCount) {
    try (SqsClient client = DispatchQueue.client(REGION, Optional.of(endpoint), Duration.ZERO)) {
      String deadLetters = client.createQueue(create -> create.queueName(name + "-dlq")).queueUrl();
      String arn =
          client
              .getQueueAttributes(
                  get -> get.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      String redrive =
          new JsonObject()
              .put("maxReceiveCount", Integer.toString(maxReceiveCount))
              .put("deadLetterTargetArn", arn)
              .encode();
      String url =
          client
              .createQueue(
                  create ->
                      create
                          .queueName(name)
                          .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)))
              .queueUrl();
      return new AsyncConfig.Sqs(URI.create(url), REGION, Optional.of(endpoint));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the embedded queue", e);
    }
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
