package io.agentruntime.contract.config;

/** Reads and writes {@code idempotency}: the window, the memory bounds and the store. */
final class IdempotencyFormat {

  private static final String WINDOW = "window";
  private static final String MAX_BYTES = "maxBytes";
  private static final String MAX_BYTES_PER_PRINCIPAL = "maxBytesPerPrincipal";
  private static final String MAX_REPLY_SIZE = "maxReplySize";
  private static final String STORE = "store";

  /** A key of earlier versions, refused with a pointer to the keys that replaced it. */
  private static final String MAX_ENTRIES = "maxEntries";

  private IdempotencyFormat() {}

  static IdempotencyConfig read(ConfigNode node, PolicyStoreConfig policyStore)
      throws ConfigException {
    if (node.has(MAX_ENTRIES)) {
      throw node.error(MAX_ENTRIES, "replaced by maxBytes and maxBytesPerPrincipal");
    }
    IdempotencyConfig.Store store = store(node, policyStore);
    IdempotencyConfig config =
        new IdempotencyConfig(
            node.duration(WINDOW, IdempotencyConfig.DEFAULT_WINDOW),
            node.size(MAX_BYTES, IdempotencyConfig.DEFAULT_MAX_BYTES),
            node.size(MAX_BYTES_PER_PRINCIPAL, IdempotencyConfig.DEFAULT_MAX_BYTES_PER_PRINCIPAL),
            node.size(MAX_REPLY_SIZE, IdempotencyConfig.MAX_TABLE_REPLY_SIZE),
            store);
    checkBounds(node, config);
    node.rejectUnknownKeys();
    return config;
  }

  private static IdempotencyConfig.Store store(ConfigNode node, PolicyStoreConfig policyStore)
      throws ConfigException {
    IdempotencyConfig.Store store =
        switch (node.string(STORE, IdempotencyConfig.Store.MEMORY.displayName())) {
          case "memory" -> IdempotencyConfig.Store.MEMORY;
          case "dynamodb" -> IdempotencyConfig.Store.DYNAMODB;
          case String other ->
              throw node.error(STORE, "must be memory or dynamodb, got '" + other + "'");
        };
    if (store == IdempotencyConfig.Store.DYNAMODB
        && !(policyStore instanceof PolicyStoreConfig.DynamoDb)) {
      throw node.error(
          STORE,
          "dynamodb needs governance.store.dynamodb: the claims are kept in the policy table");
    }
    return store;
  }

  private static void checkBounds(ConfigNode node, IdempotencyConfig config)
      throws ConfigException {
    if (config.maxBytesPerPrincipal() > config.maxBytes()) {
      throw node.error(MAX_BYTES_PER_PRINCIPAL, "must not exceed maxBytes");
    }
    if (config.maxReplySize() > config.maxBytesPerPrincipal()) {
      throw node.error(MAX_REPLY_SIZE, "must not exceed maxBytesPerPrincipal");
    }
    if (config.store() == IdempotencyConfig.Store.DYNAMODB
        && config.maxReplySize() > IdempotencyConfig.MAX_TABLE_REPLY_SIZE) {
      throw node.error(
          MAX_REPLY_SIZE,
          "must not exceed 350KiB with store dynamodb: a table item holds at most 400 KB");
    }
  }

  static MappingWriter write(IdempotencyConfig config) {
    IdempotencyConfig defaults = IdempotencyConfig.DEFAULT;
    return new MappingWriter()
        .putUnlessDefault(WINDOW, config.window(), defaults.window())
        .putSizeUnlessDefault(MAX_BYTES, config.maxBytes(), defaults.maxBytes())
        .putSizeUnlessDefault(
            MAX_BYTES_PER_PRINCIPAL, config.maxBytesPerPrincipal(), defaults.maxBytesPerPrincipal())
        .putSizeUnlessDefault(MAX_REPLY_SIZE, config.maxReplySize(), defaults.maxReplySize())
        .putUnlessDefault(STORE, config.store().displayName(), defaults.store().displayName());
  }
}
