package io.agentruntime.operator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queues the operator creates, against a real SQS-compatible server (ElasticMQ) on loopback.
 */
class DispatchQueuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void createsTheQueueWithARedrivePolicyToItsDeadLetterQueue() throws Exception {
    try (LocalSqs sqs = LocalSqs.start();
        DispatchQueues queues = new DispatchQueues(Optional.of(sqs.endpoint()))) {
      var created =
          queues.ensure(
              new DispatchQueues.Request("research", "us-east-1", 8, Duration.ofMinutes(5)));

      assertThat(created.url()).endsWith("/research");
      assertThat(created.deadLetterUrl()).endsWith("/research-dlq");
      var attributes = attributes(sqs, created.url());
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("300");
      var redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
      assertThat(redrive.path("maxReceiveCount").asText()).isEqualTo("8");
      assertThat(redrive.path("deadLetterTargetArn").asText()).endsWith(":research-dlq");
    }
  }

  @Test
  void ensuringAgainKeepsTheQueueAndItsMessagesAndFollowsAChangedSpec() throws Exception {
    try (LocalSqs sqs = LocalSqs.start();
        DispatchQueues queues = new DispatchQueues(Optional.of(sqs.endpoint()))) {
      var request = new DispatchQueues.Request("batch", "eu-west-1", 4, Duration.ofSeconds(60));
      var first = queues.ensure(request);
      sqs.client().sendMessage(send -> send.queueUrl(first.url()).messageBody("waiting"));

      var again = queues.ensure(request);
      var changed =
          queues.ensure(
              new DispatchQueues.Request("batch", "eu-west-1", 11, Duration.ofMinutes(2)));

      assertThat(again).isEqualTo(first);
      assertThat(changed).isEqualTo(first);
      assertThat(sqs.client().listQueues().queueUrls()).hasSize(2);
      var attributes = attributes(sqs, first.url());
      assertThat(
              JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                  .path("maxReceiveCount")
                  .asText())
          .isEqualTo("11");
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("120");
      assertThat(sqs.client().receiveMessage(receive -> receive.queueUrl(first.url())).messages())
          .as("the queued message survived")
          .hasSize(1);
    }
  }

  @Test
  void anUnreachableSqsIsAnErrorNamingTheQueue() {
    try (DispatchQueues queues = new DispatchQueues(Optional.of(LocalSqs.unreachable()))) {
      assertThatThrownBy(
              () ->
                  queues.ensure(
                      new DispatchQueues.Request("lost", "us-east-1", 4, Duration.ofSeconds(60))))
          .isInstanceOf(DispatchQueueException.class)
          .hasMessageContaining("'lost'")
          .hasMessageContaining("'lost-dlq'")
          .hasMessageContaining("us-east-1");
    }
  }

  private static Map<QueueAttributeName, String> attributes(LocalSqs sqs, String url) {
    return sqs.client()
        .getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.ALL))
        .attributes();
  }
}
