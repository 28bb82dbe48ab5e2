package io.agentruntime.contract.config;

import java.net.URI;
import java.util.Optional;

/** Reads and writes {@code async} and {@code intents[].async}. */
final class AsyncFormat {

  static final String ASYNC = "async";
  private static final String QUEUE = "queue";
  private static final String EMBEDDED = "embedded";
  private static final String NAME = "name";
  private static final String URL = "url";
  private static final String REGION = "region";
  private static final String ENDPOINT = "endpoint";
  private static final String RECORDS = "records";
  private static final String WORKER = "worker";
  private static final String IN_PROCESS = "inProcess";
  private static final String MAX_IN_FLIGHT = "maxInFlight";
  private static final String VISIBILITY_TIMEOUT = "visibilityTimeout";
  private static final String WAIT_TIME = "waitTime";
  private static final String TIMEOUT = "timeout";
  private static final String MAX_ATTEMPTS = "maxAttempts";
  private static final String RESULT_TTL = "resultTtl";

  private AsyncFormat() {}

  /** The runtime's {@code async} section; empty when the key is absent. */
  static Optional<AsyncConfig> read(ConfigNode root, PolicyStoreConfig policyStore)
      throws ConfigException {
    if (!root.has(ASYNC)) {
      root.object(ASYNC);
      return Optional.empty();
    }
    ConfigNode node = root.object(ASYNC);
    AsyncConfig.Queue queue = queue(node.object(QUEUE));
    AsyncConfig.Records records = records(node, queue, policyStore);
    AsyncConfig.Worker worker = worker(node.object(WORKER), queue);
    node.rejectUnknownKeys();
    return Optional.of(new AsyncConfig(queue, records, worker));
  }

  private static AsyncConfig.Queue queue(ConfigNode node) throws ConfigException {
    AsyncConfig.Queue queue;
    if (node.has(URL)) {
      URI url = node.httpUrl(URL);
      Optional<URI> endpoint =
          node.has(ENDPOINT) ? Optional.of(node.httpUrl(ENDPOINT)) : Optional.empty();
      queue = new AsyncConfig.Sqs(url, node.string(REGION, null), endpoint);
    } else if (node.bool(EMBEDDED, false)) {
      queue = new AsyncConfig.Embedded(node.string(NAME, AsyncConfig.Embedded.DEFAULT_NAME));
    } else {
      throw new ConfigException(
          node.path(URL) + ": is required (or embedded: true for a queue in this process)");
    }
    node.rejectUnknownKeys();
    return queue;
  }

  private static AsyncConfig.Records records(
      ConfigNode node, AsyncConfig.Queue queue, PolicyStoreConfig policyStore)
      throws ConfigException {
    String fallback =
        policyStore instanceof PolicyStoreConfig.DynamoDb && queue instanceof AsyncConfig.Sqs
            ? AsyncConfig.Records.DYNAMODB.displayName()
            : AsyncConfig.Records.MEMORY.displayName();
    AsyncConfig.Records records =
        switch (node.string(RECORDS, fallback)) {
          case "memory" -> AsyncConfig.Records.MEMORY;
          case "dynamodb" -> AsyncConfig.Records.DYNAMODB;
          case String other ->
              throw node.error(RECORDS, "must be memory or dynamodb, got '" + other + "'");
        };
    if (records == AsyncConfig.Records.DYNAMODB
        && !(policyStore instanceof PolicyStoreConfig.DynamoDb)) {
      throw node.error(
          RECORDS, "dynamodb needs governance.store.dynamodb: the records are kept in its table");
    }
    return records;
  }

  private static AsyncConfig.Worker worker(ConfigNode node, AsyncConfig.Queue queue)
      throws ConfigException {
    AsyncConfig.Worker worker =
        new AsyncConfig.Worker(
            node.bool(IN_PROCESS, queue instanceof AsyncConfig.Embedded),
            node.integer(MAX_IN_FLIGHT, AsyncConfig.Worker.DEFAULT_MAX_IN_FLIGHT, 1, 1000),
            node.duration(VISIBILITY_TIMEOUT, AsyncConfig.Worker.DEFAULT_VISIBILITY_TIMEOUT),
            node.duration(
                WAIT_TIME,
                queue instanceof AsyncConfig.Embedded
                    ? AsyncConfig.Worker.EMBEDDED_WAIT_TIME
                    : AsyncConfig.Worker.DEFAULT_WAIT_TIME));
    if (worker.waitTime().compareTo(AsyncConfig.Worker.MAX_WAIT_TIME) > 0) {
      throw node.error(WAIT_TIME, "must be at most 20s (the longest SQS receive)");
    }
    if (worker.visibilityTimeout().toSeconds() < 1 || worker.visibilityTimeout().toHours() >= 12) {
      throw node.error(VISIBILITY_TIMEOUT, "must be between 1s and 12h (SQS's bounds)");
    }
    node.rejectUnknownKeys();
    return worker;
  }

  /** One intent's {@code async} section, its defaults where absent. */
  static AsyncIntentConfig readIntent(ConfigNode intent) throws ConfigException {
    ConfigNode node = intent.object(ASYNC);
    AsyncIntentConfig config =
        new AsyncIntentConfig(
            node.duration(TIMEOUT, AsyncIntentConfig.DEFAULT_TIMEOUT),
            node.integer(
                MAX_ATTEMPTS,
                AsyncIntentConfig.DEFAULT_MAX_ATTEMPTS,
                1,
                AsyncIntentConfig.MAX_ATTEMPTS),
            node.duration(RESULT_TTL, AsyncIntentConfig.DEFAULT_RESULT_TTL));
    node.rejectUnknownKeys();
    return config;
  }

  static MappingWriter writeIntent(AsyncIntentConfig config) {
    AsyncIntentConfig defaults = AsyncIntentConfig.DEFAULT;
    return new MappingWriter()
        .putUnlessDefault(TIMEOUT, config.timeout(), defaults.timeout())
        .putUnlessDefault(MAX_ATTEMPTS, config.maxAttempts(), defaults.maxAttempts())
        .putUnlessDefault(RESULT_TTL, config.resultTtl(), defaults.resultTtl());
  }

  static MappingWriter write(AsyncConfig config) {
    MappingWriter queue =
        switch (config.queue()) {
          case AsyncConfig.Embedded embedded ->
              new MappingWriter().put(EMBEDDED, true).put(NAME, embedded.name());
          case AsyncConfig.Sqs sqs -> {
            MappingWriter out =
                new MappingWriter().put(URL, sqs.url().toString()).put(REGION, sqs.region());
            sqs.endpoint().ifPresent(endpoint -> out.put(ENDPOINT, endpoint.toString()));
            yield out;
          }
        };
    AsyncConfig.Worker worker = config.worker();
    return new MappingWriter()
        .put(QUEUE, queue)
        .put(RECORDS, config.records().displayName())
        .put(
            WORKER,
            new MappingWriter()
                .put(IN_PROCESS, worker.inProcess())
                .putUnlessDefault(
                    MAX_IN_FLIGHT, worker.maxInFlight(), AsyncConfig.Worker.DEFAULT_MAX_IN_FLIGHT)
                .putUnlessDefault(
                    VISIBILITY_TIMEOUT,
                    worker.visibilityTimeout(),
                    AsyncConfig.Worker.DEFAULT_VISIBILITY_TIMEOUT)
                .putUnlessDefault(
                    WAIT_TIME,
                    worker.waitTime(),
                    config.queue() instanceof AsyncConfig.Embedded
                        ? AsyncConfig.Worker.EMBEDDED_WAIT_TIME
                        : AsyncConfig.Worker.DEFAULT_WAIT_TIME));
  }
}
