package io.agentruntime.runtime.config;

import java.time.Duration;

/** Reads {@code idempotency}: the window, the memory bounds and the store. */
final class IdempotencyConfigReader {

  private IdempotencyConfigReader() {}

  static IdempotencyConfig read(ConfigNode node, PolicyStoreConfig policyStore)
      throws ConfigException {
    if (node.has("maxEntries")) {
      throw node.error("maxEntries", "replaced by maxBytes and maxBytesPerPrincipal");
    }
    IdempotencyConfig.Store store = store(node, policyStore);
    IdempotencyConfig config =
        new IdempotencyConfig(
            node.duration("window", Duration.ofMinutes(10)),
            node.size("maxBytes", IdempotencyConfig.DEFAULT_MAX_BYTES),
            node.size("maxBytesPerPrincipal", IdempotencyConfig.DEFAULT_MAX_BYTES_PER_PRINCIPAL),
            node.size("maxReplySize", IdempotencyConfig.MAX_TABLE_REPLY_SIZE),
            store);
    checkBounds(node, config);
    node.rejectUnknownKeys();
    return config;
  }

  private static IdempotencyConfig.Store store(ConfigNode node, PolicyStoreConfig policyStore)
      throws ConfigException {
    IdempotencyConfig.Store store =
        switch (node.string("store", "memory")) {
          case "memory" -> IdempotencyConfig.Store.MEMORY;
          case "dynamodb" -> IdempotencyConfig.Store.DYNAMODB;
          case String other ->
              throw node.error("store", "must be memory or dynamodb, got '" + other + "'");
        };
    if (store == IdempotencyConfig.Store.DYNAMODB
        && !(policyStore instanceof PolicyStoreConfig.DynamoDb)) {
      throw node.error(
          "store",
          "dynamodb needs governance.store.dynamodb: the claims are kept in the policy table");
    }
    return store;
  }

  private static void checkBounds(ConfigNode node, IdempotencyConfig config)
      throws ConfigException {
    if (config.maxBytesPerPrincipal() > config.maxBytes()) {
      throw node.error("maxBytesPerPrincipal", "must not exceed maxBytes");
    }
    if (config.maxReplySize() > config.maxBytesPerPrincipal()) {
      throw node.error("maxReplySize", "must not exceed maxBytesPerPrincipal");
    }
    if (config.store() == IdempotencyConfig.Store.DYNAMODB
        && config.maxReplySize() > IdempotencyConfig.MAX_TABLE_REPLY_SIZE) {
      throw node.error(
          "maxReplySize",
          "must not exceed 350KiB with store dynamodb: a table item holds at most 400 KB");
    }
  }
}
