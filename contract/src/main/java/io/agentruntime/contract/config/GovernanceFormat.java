package io.agentruntime.contract.config;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import java.nio.file.Path;

/** Reads and writes {@code governance}: mode, evaluator, refresh timings, store and context. */
final class GovernanceFormat {

  private static final String MODE = "mode";
  private static final String EVALUATOR = "evaluator";
  private static final String REFRESH_INTERVAL = "refreshInterval";
  private static final String MAX_STALENESS = "maxStaleness";
  private static final String STORE = "store";
  private static final String CONTEXT = "context";
  private static final String MAX_BYTES = "maxBytes";
  private static final String MAX_MEMBERS = "maxMembers";
  private static final String MAX_DEPTH = "maxDepth";

  private GovernanceFormat() {}

  /**
   * @param runtime names the policy set a DynamoDB store reads
   * @param baseDirectory the configuration file's directory: a relative policy directory starts
   *     here
   */
  static GovernanceConfig read(ConfigNode node, RuntimeIdentity runtime, Path baseDirectory)
      throws ConfigException {
    GovernanceConfig governance =
        new GovernanceConfig(
            mode(node),
            evaluator(node),
            node.duration(REFRESH_INTERVAL, GovernanceConfig.DEFAULT_REFRESH_INTERVAL),
            node.duration(MAX_STALENESS, GovernanceConfig.DEFAULT_MAX_STALENESS),
            PolicyStoreFormat.read(node.object(STORE), runtime, baseDirectory),
            contextLimits(node.object(CONTEXT)));
    node.rejectUnknownKeys();
    return governance;
  }

  private static EnforcementMode mode(ConfigNode node) throws ConfigException {
    try {
      return EnforcementMode.parse(node.string(MODE, GovernanceConfig.DEFAULT_MODE.displayName()));
    } catch (IllegalArgumentException e) {
      throw node.error(MODE, e.getMessage());
    }
  }

  private static EvaluatorChoice evaluator(ConfigNode node) throws ConfigException {
    try {
      return EvaluatorChoice.parse(
          node.string(EVALUATOR, GovernanceConfig.DEFAULT_EVALUATOR.configName()));
    } catch (IllegalArgumentException e) {
      throw node.error(EVALUATOR, e.getMessage());
    }
  }

  private static ContextLimits contextLimits(ConfigNode node) throws ConfigException {
    ContextLimits limits =
        new ContextLimits(
            node.size(MAX_BYTES, ContextLimits.DEFAULT_MAX_BYTES),
            node.integer(MAX_MEMBERS, ContextLimits.DEFAULT_MAX_MEMBERS, 1, Integer.MAX_VALUE),
            node.integer(MAX_DEPTH, ContextLimits.DEFAULT_MAX_DEPTH, 1, ContextLimits.DEEPEST));
    node.rejectUnknownKeys();
    return limits;
  }

  /** The enforcement mode and the refresh timings are written even at their defaults. */
  static MappingWriter write(GovernanceConfig governance) {
    ContextLimits context = governance.context();
    MappingWriter limits =
        new MappingWriter()
            .putSizeUnlessDefault(MAX_BYTES, context.maxBytes(), ContextLimits.DEFAULT_MAX_BYTES)
            .putUnlessDefault(MAX_MEMBERS, context.maxMembers(), ContextLimits.DEFAULT_MAX_MEMBERS)
            .putUnlessDefault(MAX_DEPTH, context.maxDepth(), ContextLimits.DEFAULT_MAX_DEPTH);
    return new MappingWriter()
        .put(MODE, governance.mode().displayName())
        .putUnlessDefault(
            EVALUATOR,
            governance.evaluator().configName(),
            GovernanceConfig.DEFAULT_EVALUATOR.configName())
        .put(REFRESH_INTERVAL, governance.refreshInterval())
        .put(MAX_STALENESS, governance.maxStaleness())
        .putUnlessEmpty(STORE, PolicyStoreFormat.write(governance.store()))
        .putUnlessEmpty(CONTEXT, limits);
  }
}
