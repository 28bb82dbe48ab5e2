package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncConfig;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * The SQS queue dispatches wait in, and its dead-letter queue (named by the queue's redrive
 * policy). Calls block: make them off event loops.
 */
public final class DispatchQueue implements AutoCloseable {

  /** The largest message SQS takes (256 KiB, the limit SQS-compatible servers share). */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /**
   * The message attribute a copy put back by {@link #requeue} carries: when the dispatch was first
   * queued (epoch milliseconds), which the copy's own {@code SentTimestamp} no longer says.
   */
  static final String FIRST_QUEUED = "firstQueuedAt";

  /** What SQS counts of that attribute: its name, its type {@code Number} and 13 digits. */
  private static final int FIRST_QUEUED_BYTES = FIRST_QUEUED.length() + "Number".length() + 13;

  private final SqsClient client;
  private final String url;

  DispatchQueue(SqsClient client, String url) {
    this.client = client;
    this.url = url;
  }

  /** A client of the configured queue; it makes no request yet. */
  static DispatchQueue open(AsyncConfig.Sqs queue, Duration waitTime) {
    return new DispatchQueue(
        client(queue.region(), queue.endpoint(), waitTime), queue.url().toString());
  }

  static SqsClient client(String region, Optional<URI> endpoint, Duration waitTime) {
    SqsClientBuilder builder =
        SqsClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    // a long poll holds the connection for up to waitTime
                    .socketTimeout(waitTime.plusSeconds(10)));
    endpoint.ifPresent(builder::endpointOverride);
    if (EmbeddedQueue.REGION.equals(region)) {
      // the embedded queue checks no signature: spare local mode a search for AWS credentials
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
    return builder.build();
  }

  String url() {
    return url;
  }

  /**
   * The size SQS counts of {@code message}, with the attribute a copy put back carries: a message
   * that fits can always be put back.
   */
  static int size(TaskMessage message) {
    return message.encode().getBytes(StandardCharsets.UTF_8).length + FIRST_QUEUED_BYTES;
  }

  /**
   * Queues {@code message}.
   *
   * @throws QueueUnavailableException when SQS does not take it
   */
  void send(TaskMessage message) {
    try {
      client.sendMessage(send -> send.queueUrl(url).messageBody(message.encode()));
    } catch (SdkException e) {
      throw new QueueUnavailableException("cannot queue dispatch " + message.key().id(), e);
    }
  }

  /** Up to {@code max} messages, waiting up to {@code wait} for the first. */
  List<Message> receive(int max, Duration wait, Duration visibility) {
    return client
        .receiveMessage(
            receive ->
                receive
                    .queueUrl(url)
                    .maxNumberOfMessages(Math.min(10, max))
                    .waitTimeSeconds((int) wait.toSeconds())
                    .visibilityTimeout((int) visibility.toSeconds())
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.SENT_TIMESTAMP)
                    .messageAttributeNames(FIRST_QUEUED))
        .messages();
  }

  /**
   * When the dispatch of {@code message} was first queued: the time a copy put back carries, else
   * when SQS received this message.
   */
  static Instant firstQueued(Message message) {
    MessageAttributeValue carried = message.messageAttributes().get(FIRST_QUEUED);
    String millis =
        carried != null
            ? carried.stringValue()
            : message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    return millis == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(millis));
  }

  /** Hides the message from other workers for {@code visibility} from now. */
  void hide(Message message, Duration visibility) {
    client.changeMessageVisibility(
        change ->
            change
                .queueUrl(url)
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) Math.max(0, visibility.toSeconds())));
  }

  /** The longest delay SQS gives a message it is sent. */
  private static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /**
   * Sends a copy of {@code message} that becomes visible after {@code delay} (at most 15 minutes)
   * and deletes the one received. A receive that finds its dispatch held by another worker runs
   * nothing, so it must not count toward the redrive policy's {@code maxReceiveCount} as hiding the
   * received message again would: a duplicate of a long dispatch would end in the dead-letter
   * queue, and so would a redelivery that finds a dead worker's lease not yet expired. The copy
   * carries when the dispatch was first queued, so its wait is measured from then.
   */
  void requeue(Message message, Duration delay) {
    long seconds = Math.clamp(delay.toSeconds(), 0, MAX_DELAY.toSeconds());
    MessageAttributeValue firstQueued =
        MessageAttributeValue.builder()
            .dataType("Number")
            .stringValue(Long.toString(firstQueued(message).toEpochMilli()))
            .build();
    client.sendMessage(
        send ->
            send.queueUrl(url)
                .messageBody(message.body())
                .delaySeconds((int) seconds)
                .messageAttributes(Map.of(FIRST_QUEUED, firstQueued)));
    delete(message);
  }

  /**
   * Deletes a handled message; one already gone (redelivered and handled elsewhere) is no error.
   */
  void delete(Message message) {
    try {
      client.deleteMessage(delete -> delete.queueUrl(url).receiptHandle(message.receiptHandle()));
    } catch (ReceiptHandleIsInvalidException e) {
      // the message was received again elsewhere meanwhile: that receive deletes it
    }
  }

  /** The dead-letter queue named by this queue's redrive policy, if it has one. */
  Optional<DispatchQueue> deadLetterQueue() {
    String policy =
        client
            .getQueueAttributes(
                get -> get.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    if (policy == null || policy.isBlank()) {
      return Optional.empty();
    }
    String arn = new JsonObject(policy).getString("deadLetterTargetArn");
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    return Optional.of(
        new DispatchQueue(client, client.getQueueUrl(get -> get.queueName(name)).queueUrl()));
  }

  /** Moves a message to {@code deadLetters} and out of this queue. */
  void moveTo(DispatchQueue deadLetters, Message message) {
    deadLetters.client.sendMessage(
        send -> send.queueUrl(deadLetters.url).messageBody(message.body()));
    delete(message);
  }

  /** How many messages wait, visible or in flight (approximate, as SQS counts). */
  Map<QueueAttributeName, String> depth() {
    return client
        .getQueueAttributes(
            get ->
                get.queueUrl(url)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes();
  }

  @Override
  public void close() {
    client.close();
  }
}
