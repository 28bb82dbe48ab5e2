package io.agentruntime.contract.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and writes {@code intents}: each intent's name, timeout and typed backend. */
final class IntentFormat {

  private static final Pattern INTENT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  static final String INTENTS = "intents";
  private static final String NAME = "name";
  private static final String TIMEOUT = "timeout";
  private static final String FIRST_BYTE_TIMEOUT = "firstByteTimeout";
  private static final String IDLE_TIMEOUT = "idleTimeout";
  private static final String BACKEND = "backend";
  private static final String TYPE = "type";
  private static final String URL = "url";
  private static final String MODEL = "model";
  private static final String MAX_CONNECTIONS = "maxConnections";
  private static final String MAX_PENDING = "maxPending";
  private static final String MAX_RESPONSE_SIZE = "maxResponseSize";
  private static final String MAX_TOKENS = "maxTokens";
  private static final String PRICE = "price";
  private static final String PROMPT_PER_MILLION = "promptPerMillion";
  private static final String COMPLETION_PER_MILLION = "completionPerMillion";

  private static final String TYPES =
      BackendConfig.Echo.TYPE + ", " + BackendConfig.Http.TYPE + " or " + BackendConfig.OpenAi.TYPE;

  private IntentFormat() {}

  static List<IntentConfig> read(ConfigNode root) throws ConfigException {
    List<IntentConfig> intents = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : root.objectList(INTENTS)) {
      String name = node.string(NAME, null);
      if (!INTENT_NAME.matcher(name).matches()) {
        throw node.error(NAME, "'" + name + "' must match " + INTENT_NAME.pattern());
      }
      if (!names.add(name)) {
        throw node.error(NAME, "duplicate intent '" + name + "'");
      }
      Duration timeout = node.duration(TIMEOUT, IntentConfig.DEFAULT_TIMEOUT);
      IntentConfig.Streaming streaming =
          new IntentConfig.Streaming(
              node.duration(FIRST_BYTE_TIMEOUT, IntentConfig.Streaming.DEFAULT_FIRST_BYTE_TIMEOUT),
              node.duration(IDLE_TIMEOUT, IntentConfig.Streaming.DEFAULT_IDLE_TIMEOUT));
      BackendConfig backend = backend(node.object(BACKEND));
      intents.add(
          new IntentConfig(name, timeout, streaming, backend, AsyncFormat.readIntent(node)));
      node.rejectUnknownKeys();
    }
    return intents;
  }

  /** The backend of the type named by {@code type}, with exactly the keys of that type. */
  private static BackendConfig backend(ConfigNode node) throws ConfigException {
    String type = node.string(TYPE, null);
    BackendConfig backend =
        switch (type) {
          case BackendConfig.Echo.TYPE -> new BackendConfig.Echo();
          case BackendConfig.Http.TYPE -> new BackendConfig.Http(node.httpUrl(URL), pool(node));
          case BackendConfig.OpenAi.TYPE ->
              new BackendConfig.OpenAi(
                  node.httpUrl(URL),
                  node.string(MODEL, null),
                  pool(node),
                  node.has(MAX_TOKENS)
                      ? OptionalInt.of(node.integer(MAX_TOKENS, 1, 1, Integer.MAX_VALUE))
                      : OptionalInt.empty(),
                  price(node));
          default -> throw node.error(TYPE, "must be " + TYPES + ", got '" + type + "'");
        };
    node.rejectUnknownKeys();
    return backend;
  }

  private static Optional<BackendConfig.Price> price(ConfigNode backend) throws ConfigException {
    if (!backend.has(PRICE)) {
      return Optional.empty();
    }
    ConfigNode node = backend.object(PRICE);
    BackendConfig.Price price =
        new BackendConfig.Price(
            node.decimal(PROMPT_PER_MILLION), node.decimal(COMPLETION_PER_MILLION));
    node.rejectUnknownKeys();
    return Optional.of(price);
  }

  private static BackendConfig.Pool pool(ConfigNode node) throws ConfigException {
    int maxConnections =
        node.integer(
            MAX_CONNECTIONS, BackendConfig.Pool.DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE);
    return new BackendConfig.Pool(
        maxConnections,
        node.integer(
            MAX_PENDING,
            BackendConfig.Pool.defaultMaxPending(maxConnections),
            1,
            Integer.MAX_VALUE),
        node.size(MAX_RESPONSE_SIZE, BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE));
  }

  /** Each intent's timeout is written even at its default. */
  static List<MappingWriter> write(List<IntentConfig> intents) {
    return intents.stream()
        .map(
            intent ->
                new MappingWriter()
                    .put(NAME, intent.name())
                    .put(TIMEOUT, intent.timeout())
                    .putUnlessDefault(
                        FIRST_BYTE_TIMEOUT,
                        intent.streaming().firstByteTimeout(),
                        IntentConfig.Streaming.DEFAULT_FIRST_BYTE_TIMEOUT)
                    .putUnlessDefault(
                        IDLE_TIMEOUT,
                        intent.streaming().idleTimeout(),
                        IntentConfig.Streaming.DEFAULT_IDLE_TIMEOUT)
                    .put(BACKEND, backend(intent.backend()))
                    .putUnlessEmpty(AsyncFormat.ASYNC, AsyncFormat.writeIntent(intent.async())))
        .toList();
  }

  private static MappingWriter backend(BackendConfig backend) {
    MappingWriter out = new MappingWriter().put(TYPE, backend.type());
    switch (backend) {
      case BackendConfig.Echo echo -> {}
      case BackendConfig.Http http -> pool(out.put(URL, http.url()), http.pool());
      case BackendConfig.OpenAi openAi -> {
        pool(out.put(URL, openAi.url()).put(MODEL, openAi.model()), openAi.pool());
        openAi.maxTokens().ifPresent(max -> out.put(MAX_TOKENS, max));
        openAi
            .price()
            .ifPresent(
                price ->
                    out.put(
                        PRICE,
                        new MappingWriter()
                            .put(PROMPT_PER_MILLION, price.promptPerMillion())
                            .put(COMPLETION_PER_MILLION, price.completionPerMillion())));
      }
    }
    return out;
  }

  private static void pool(MappingWriter out, BackendConfig.Pool pool) {
    out.putUnlessDefault(
            MAX_CONNECTIONS, pool.maxConnections(), BackendConfig.Pool.DEFAULT_MAX_CONNECTIONS)
        .putUnlessDefault(
            MAX_PENDING,
            pool.maxPending(),
            BackendConfig.Pool.defaultMaxPending(pool.maxConnections()))
        .putSizeUnlessDefault(
            MAX_RESPONSE_SIZE,
            pool.maxResponseSize(),
            BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE);
  }
}
