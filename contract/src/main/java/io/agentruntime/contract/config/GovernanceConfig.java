package io.agentruntime.contract.config;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import java.time.Duration;

/**
 * How requests are governed (configuration {@code governance}).
 *
 * @param mode {@link EnforcementMode#AUDIT} decides and logs but never blocks
 * @param evaluator which evaluator decides: the JVM one, cedar-java, or the JVM one checked by
 *     cedar-java ({@code shadow})
 * @param refreshInterval how often the policy store's version is checked
 * @param maxStaleness how long the store may stay unreachable before requests get 503
 * @param store where the policies are read
 * @param context how large a request's context may be
 */
public record GovernanceConfig(
    EnforcementMode mode,
    EvaluatorChoice evaluator,
    Duration refreshInterval,
    Duration maxStaleness,
    PolicyStoreConfig store,
    ContextLimits context) {

  public static final EnforcementMode DEFAULT_MODE = EnforcementMode.ENFORCE;
  public static final EvaluatorChoice DEFAULT_EVALUATOR = EvaluatorChoice.JVM;
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofMinutes(5);
}
