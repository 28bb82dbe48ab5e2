package io.agentruntime.operator.render;

import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.AsyncQueueSpec;
import io.agentruntime.operator.api.v1alpha1.AsyncStatus;
import io.agentruntime.operator.api.v1alpha1.IntentAsyncSpec;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The defaults of {@code spec.async} and of the intents' {@code async} sections (applied once by
 * {@link EffectiveSpec}, {@link AsyncSettings}, never written back), and the queue's URL and
 * region, which depend on the status as well.
 *
 * <p>The workers need the queue's URL: given in the spec, or known once the operator created the
 * queue and recorded it in the status. Until then nothing of the workers is rendered and the
 * runtime's configuration has no {@code async} section (it answers such requests synchronously).
 */
public final class AsyncDefaults {

  /** Fewest workers: none while the queue is empty (with KEDA). */
  public static final int MIN_WORKERS = 0;

  /** Most workers. */
  public static final int MAX_WORKERS = 20;

  /** Dispatches one worker runs at once, and KEDA's target queue length per worker. */
  public static final int MESSAGES_PER_WORKER = 5;

  /** How long a received dispatch stays hidden from other workers. */
  public static final String VISIBILITY_TIMEOUT =
      Durations.format(AsyncConfig.Worker.DEFAULT_VISIBILITY_TIMEOUT);

  /** Where an Amazon SQS URL names its region: {@code https://sqs.<region>.amazonaws.com/...}. */
  private static final Pattern AWS_URL =
      Pattern.compile("^https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/");

  private AsyncDefaults() {}

  /** Whether {@code cr} has long-running dispatches. */
  private static boolean requested(AgentRuntime cr) {
    return cr.getSpec().getAsync() != null;
  }

  /** Whether the operator creates {@code cr}'s queue ({@code spec.async.queue.create}). */
  public static boolean createsQueue(AgentRuntime cr) {
    return requested(cr) && Boolean.TRUE.equals(cr.getSpec().getAsync().getQueue().getCreate());
  }

  /** The queue's URL: the spec's, or the one the operator recorded once it created the queue. */
  public static Optional<String> queueUrl(AgentRuntime cr) {
    if (!requested(cr)) {
      return Optional.empty();
    }
    AsyncQueueSpec queue = cr.getSpec().getAsync().getQueue();
    if (queue.getUrl() != null) {
      return Optional.of(queue.getUrl());
    }
    return Optional.ofNullable(cr.getStatus())
        .map(AgentRuntimeStatus::getAsync)
        .map(AsyncStatus::getQueueUrl);
  }

  /** Whether the workers can be rendered: {@code spec.async} is set and its queue's URL known. */
  public static boolean queueKnown(AgentRuntime cr) {
    return queueUrl(cr).isPresent();
  }

  /** The queue's region: the spec's, else the one an Amazon SQS URL names. */
  public static String region(AgentRuntime cr) {
    AsyncQueueSpec queue = cr.getSpec().getAsync().getQueue();
    if (queue.getRegion() != null) {
      return queue.getRegion();
    }
    Matcher matcher = AWS_URL.matcher(queue.getUrl());
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "spec.async.queue.region: required, since url names no Amazon SQS region");
    }
    return matcher.group(1);
  }

  /** How {@code intent} runs when dispatched asynchronously, defaults applied. */
  public static AsyncIntentConfig intent(String field, IntentSpec intent) {
    IntentAsyncSpec async = Optional.ofNullable(intent.getAsync()).orElseGet(IntentAsyncSpec::new);
    AsyncIntentConfig defaults = AsyncIntentConfig.DEFAULT;
    return new AsyncIntentConfig(
        duration(field + ".async.timeout", async.getTimeout(), defaults.timeout()),
        Optional.ofNullable(async.getMaxAttempts()).orElse(defaults.maxAttempts()),
        duration(field + ".async.resultTtl", async.getResultTtl(), defaults.resultTtl()));
  }

  /**
   * The redrive policy's {@code maxReceiveCount} of the queue the operator creates for {@code
   * spec}'s intents.
   */
  public static int maxReceiveCount(EffectiveSpec spec) {
    return AsyncIntentConfig.maxReceiveCount(
        spec.intents().stream().map(EffectiveSpec.Intent::async).toList());
  }

  private static Duration duration(String field, String text, Duration fallback) {
    if (text == null) {
      return fallback;
    }
    return Durations.parse(text)
        .orElseThrow(
            () -> new IllegalArgumentException(field + ": '" + text + "' is not a duration"));
  }
}
