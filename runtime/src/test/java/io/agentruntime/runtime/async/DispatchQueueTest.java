package io.agentruntime.runtime.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The dispatch queue against a real SQS-compatible queue (ElasticMQ) on loopback. */
class DispatchQueueTest {

  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final Duration VISIBILITY = Duration.ofSeconds(30);

  private static EmbeddedQueue sqs;

  @BeforeAll
  static void startQueue() {
    sqs = EmbeddedQueue.start();
  }

  @AfterAll
  static void stopQueue() {
    if (sqs != null) {
      sqs.close();
    }
  }

  private static TaskMessage message() {
    return new TaskMessage(
        new DispatchKey("default/agents", "d-1"),
        "ann",
        "lookup_order",
        new JsonObject(),
        new JsonObject(),
        new JsonObject(),
        Instant.now().plusSeconds(60),
        null,
        Map.of());
  }

  private static Message receiveOne(DispatchQueue queue) {
    List<Message> received = queue.receive(1, WAIT, VISIBILITY);
    assertThat(received).hasSize(1);
    return received.getFirst();
  }

  private static Instant sent(Message message) {
    return Instant.ofEpochMilli(
        Long.parseLong(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
  }

  @Test
  void aCopyPutBackKeepsWhenItsDispatchWasFirstQueued() {
    try (DispatchQueue queue = DispatchQueue.open(sqs.createQueue("first-queued", 10), WAIT)) {
      queue.send(message());
      Message first = receiveOne(queue);
      Instant queued = DispatchQueue.firstQueued(first);
      assertThat(queued).isEqualTo(sent(first));
      await().until(() -> Instant.now().isAfter(queued.plusSeconds(1)));

      queue.requeue(first, Duration.ZERO);
      Message copy = receiveOne(queue);
      queue.requeue(copy, Duration.ZERO);
      Message copyOfTheCopy = receiveOne(queue);

      assertThat(sent(copyOfTheCopy)).isAfter(queued.plusSeconds(1));
      assertThat(DispatchQueue.firstQueued(copy)).isEqualTo(queued);
      assertThat(DispatchQueue.firstQueued(copyOfTheCopy)).isEqualTo(queued);
      assertThat(copyOfTheCopy.body()).isEqualTo(first.body());
    }
  }
}
