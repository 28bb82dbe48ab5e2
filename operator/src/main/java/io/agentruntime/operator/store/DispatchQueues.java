package io.agentruntime.operator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the SQS queues of long-running dispatches ({@code spec.async.queue.create}) with their
 * dead-letter queues, and keeps their attributes. Every step is idempotent: {@code CreateQueue}
 * without attributes answers an existing queue's URL, and the attributes are set only where they
 * differ, so the permissions are {@code sqs:CreateQueue}, {@code sqs:GetQueueAttributes} and {@code
 * sqs:SetQueueAttributes}. One client per region, kept for the operator's lifetime.
 */
public final class DispatchQueues implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<URI> endpoint;
  private final Map<String, SqsClient> byRegion = new ConcurrentHashMap<>();

  /**
   * @param endpoint an endpoint replacing every region's own (an SQS-compatible server), or empty
   */
  public DispatchQueues(Optional<URI> endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The queue to create and what it must hold.
   *
   * @param name the queue's name; its dead-letter queue is {@code <name>-dlq}
   * @param region the queues' region
   * @param maxReceiveCount receives after which SQS moves a message to the dead-letter queue
   * @param visibilityTimeout the queue's default visibility timeout
   */
  public record Request(
      String name, String region, int maxReceiveCount, Duration visibilityTimeout) {}

  /** The URLs of a queue and its dead-letter queue. */
  public record Created(String url, String deadLetterUrl) {}

  /**
   * Creates {@code request}'s queue and dead-letter queue where missing and brings their attributes
   * to what it asks.
   *
   * @throws DispatchQueueException when SQS refuses or cannot be reached, naming the queue
   */
  public Created ensure(Request request) throws DispatchQueueException {
    String deadLetters = request.name() + "-dlq";
    try {
      SqsClient client = client(request.region());
      String deadLetterUrl = client.createQueue(create -> create.queueName(deadLetters)).queueUrl();
      String deadLetterArn =
          attributes(client, deadLetterUrl, QueueAttributeName.QUEUE_ARN)
              .get(QueueAttributeName.QUEUE_ARN);
      String url = client.createQueue(create -> create.queueName(request.name())).queueUrl();
      var attributes =
          attributes(
              client,
              url,
              QueueAttributeName.REDRIVE_POLICY,
              QueueAttributeName.VISIBILITY_TIMEOUT);
      String redrive = redrivePolicy(deadLetterArn, request);
      var desired = new EnumMap<QueueAttributeName, String>(QueueAttributeName.class);
      desired.put(
          QueueAttributeName.VISIBILITY_TIMEOUT,
          Long.toString(request.visibilityTimeout().toSeconds()));
      if (!sameJson(attributes.get(QueueAttributeName.REDRIVE_POLICY), redrive)) {
        desired.put(QueueAttributeName.REDRIVE_POLICY, redrive);
      }
      update(client, url, attributes, desired);
      return new Created(url, deadLetterUrl);
    } catch (SdkException e) {
      throw new DispatchQueueException(
          "cannot create or update the SQS queue '"
              + request.name()
              + "' and its dead-letter queue '"
              + deadLetters
              + "' in "
              + request.region()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Map<QueueAttributeName, String> attributes(
      SqsClient client, String url, QueueAttributeName... names) {
    return client.getQueueAttributes(get -> get.queueUrl(url).attributeNames(names)).attributes();
  }

  /** Sets the attributes of {@code desired} whose value differs from {@code current}'s. */
  private static void update(
      SqsClient client,
      String url,
      Map<QueueAttributeName, String> current,
      Map<QueueAttributeName, String> desired) {
    var changed = new EnumMap<QueueAttributeName, String>(QueueAttributeName.class);
    desired.forEach(
        (name, value) -> {
          if (!value.equals(current.get(name))) {
            changed.put(name, value);
          }
        });
    if (!changed.isEmpty()) {
      client.setQueueAttributes(set -> set.queueUrl(url).attributes(changed));
    }
  }

  private static String redrivePolicy(String deadLetterArn, Request request) {
    ObjectNode policy = JSON.createObjectNode();
    policy.put("deadLetterTargetArn", deadLetterArn);
    policy.put("maxReceiveCount", Integer.toString(request.maxReceiveCount()));
    return policy.toString();
  }

  /**
   * Whether two redrive policies say the same: SQS may answer {@code maxReceiveCount} as a number
   * where it was sent as a string.
   */
  private static boolean sameJson(String current, String desired) {
    if (current == null || current.isBlank()) {
      return false;
    }
    try {
      return normalized(JSON.readTree(current)).equals(normalized(JSON.readTree(desired)));
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode normalized(JsonNode policy) {
    ObjectNode copy = JSON.createObjectNode();
    policy.fields().forEachRemaining(field -> copy.put(field.getKey(), field.getValue().asText()));
    return copy;
  }

  private SqsClient client(String region) {
    return byRegion.computeIfAbsent(region, this::newClient);
  }

  private SqsClient newClient(String region) {
    var builder =
        SqsClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CALL_TIMEOUT)
                    .socketTimeout(CALL_TIMEOUT))
            .overrideConfiguration(config -> config.apiCallTimeout(CALL_TIMEOUT.multipliedBy(2)));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Closes every client created. */
  @Override
  public void close() {
    byRegion.values().forEach(SqsClient::close);
    byRegion.clear();
  }
}
