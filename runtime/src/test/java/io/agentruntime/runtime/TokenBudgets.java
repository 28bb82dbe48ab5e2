package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.runtime.testing.ModelServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Daily token budgets on {@code call_reasoning} in a shared governance table (a real dynalite), as
 * the budget tests set them and read their buckets back.
 */
final class TokenBudgets {

  /** How long a bucket may take to settle once the last answer arrived. */
  static final Duration SETTLED = Duration.ofSeconds(30);

  private TokenBudgets() {}

  /** {@code cap} tokens a day. */
  static Budget daily(long cap) {
    return Budget.parseTokens(cap + "/1d");
  }

  /** Permits {@code call_reasoning} to everyone, as {@code policy}, within {@code budget}. */
  static void permit(LocalRegion region, String policy, Budget budget) throws Exception {
    region.permit(
        policy,
        "call_reasoning",
        new PolicyLimits(Optional.empty(), Optional.of(budget), Optional.empty()));
  }

  /** The token bucket {@code policy} keeps for {@code principal}. */
  static Map<String, AttributeValue> bucket(LocalRegion region, String policy, String principal) {
    return region
        .client()
        .getItem(
            request ->
                request
                    .tableName(LocalRegion.TABLE)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk",
                            AttributeValue.fromS(
                                "BUDGET#agents/test#" + policy + "#tokens#" + principal),
                            "sk",
                            AttributeValue.fromS("#"))))
        .item();
  }

  static long number(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  /**
   * Waits until the bucket holds no reservation and has been charged {@code spent} of its {@code
   * cap}: every request settled, and only with what was used.
   */
  static void awaitSettled(
      LocalRegion region, String policy, String principal, long spent, long cap) {
    await()
        .atMost(SETTLED)
        .untilAsserted(
            () -> {
              Map<String, AttributeValue> bucket = bucket(region, policy, principal);
              assertThat(bucket.keySet()).noneMatch(name -> name.startsWith("hold:"));
              assertThat(number(bucket, "spent")).isEqualTo(spent).isLessThanOrEqualTo(cap);
              assertThat(number(bucket, "remaining")).isEqualTo(cap - spent);
            });
  }

  /** A runtime on the shared table whose {@code call_reasoning} is served by {@code model}. */
  static TestRuntime start(Path dir, LocalRegion region, ModelServer model) throws Exception {
    return SharedRateLimitTest.start(
        dir,
        region,
        """
        intents:
          - name: call_reasoning
            timeout: 30s
            backend: {type: openai, url: "%s", model: test-model, maxConnections: 300}
        """
            .formatted(model.url()));
  }
}
