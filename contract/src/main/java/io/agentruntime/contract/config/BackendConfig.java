package io.agentruntime.contract.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an intent is dispatched (configuration {@code intents[].backend}): one record per backend
 * type, each with exactly the keys of its type. A new type is a record here, its case in {@link
 * IntentFormat} and the runtime's backend for it; every {@code switch} over the family is checked
 * for exhaustiveness by the compiler.
 */
public sealed interface BackendConfig {

  /** {@code echo}, {@code http} or {@code openai}: the key {@code type}, and the metric label. */
  String type();

  /**
   * The most completion tokens one call may produce when the input names no {@code max_tokens}:
   * what a token or cost budget reserves for the answer. Empty where the backend has no such bound.
   */
  default OptionalInt maxTokens() {
    return OptionalInt.empty();
  }

  /** What the backend's tokens cost, for cost budgets; empty where they are not priced. */
  default Optional<Price> price() {
    return Optional.empty();
  }

  /** The built-in backend answering with the input and the decision ({@code type: echo}). */
  record Echo() implements BackendConfig {
    public static final String TYPE = "echo";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A backend reached over HTTP through a connection pool of its own. */
  sealed interface Remote extends BackendConfig {
    /** The URL called: posted to ({@code http}) or the server's root ({@code openai}). */
    URI url();

    /** The pool's size, its wait queue and the largest answer read. */
    Pool pool();
  }

  /**
   * Any HTTP service ({@code type: http}): the dispatch body is posted to {@code url}.
   *
   * @param url the absolute http(s) URL posted to
   * @param pool the backend's connection pool
   */
  record Http(URI url, Pool pool) implements Remote {
    public static final String TYPE = "http";

    public Http {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * An OpenAI-compatible model server ({@code type: openai}): chat completions at {@code
   * <url>/v1/chat/completions}.
   *
   * @param url the server's root URL
   * @param model the model name sent with every request
   * @param pool the backend's connection pool
   * @param maxTokens sent as {@code max_tokens} when the input names none, and reserved by budgets
   * @param price what the model's tokens cost, for cost budgets
   */
  record OpenAi(URI url, String model, Pool pool, OptionalInt maxTokens, Optional<Price> price)
      implements Remote {
    public static final String TYPE = "openai";

    public OpenAi {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(maxTokens, "maxTokens");
      Objects.requireNonNull(price, "price");
    }

    /** A model server with neither a completion bound nor a price. */
    public OpenAi(URI url, String model, Pool pool) {
      this(url, model, pool, OptionalInt.empty(), Optional.empty());
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * The bulkhead and answer limit of a remote backend (keys {@code maxConnections}, {@code
   * maxPending}, {@code maxResponseSize}).
   *
   * @param maxConnections size of this backend's keep-alive connection pool
   * @param maxPending calls that may wait for one of those connections; beyond it a call is refused
   *     with 503 without being sent
   * @param maxResponseSize largest answer read from the backend, in bytes; a larger one is
   *     abandoned (its connection closed) and the caller gets 502
   */
  record Pool(int maxConnections, int maxPending, long maxResponseSize) {
    public static final int DEFAULT_MAX_CONNECTIONS = 100;

    /** Default {@code maxResponseSize}: far above a chat completion, far below a pod's heap. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 10L << 20;

    /** Every key at its default. */
    public static final Pool DEFAULT = of(DEFAULT_MAX_CONNECTIONS);

    public Pool {
      if (maxConnections <= 0 || maxPending <= 0 || maxResponseSize <= 0) {
        throw new IllegalArgumentException(
            "maxConnections, maxPending and maxResponseSize must be positive");
      }
    }

    /** A pool of {@code maxConnections} with the default wait queue and answer limit. */
    public static Pool of(int maxConnections) {
      return new Pool(maxConnections, defaultMaxPending(maxConnections), DEFAULT_MAX_RESPONSE_SIZE);
    }

    /** Twice the pool: a burst may queue briefly, a hung backend cannot pile up callers. */
    public static int defaultMaxPending(int maxConnections) {
      return (int) Math.min(Integer.MAX_VALUE, 2L * maxConnections);
    }
  }

  /**
   * What a model's tokens cost (key {@code price}), in US dollars per million tokens.
   *
   * @param promptPerMillion dollars per million prompt (input) tokens
   * @param completionPerMillion dollars per million completion (output) tokens
   */
  record Price(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {

    public Price {
      Objects.requireNonNull(promptPerMillion, "promptPerMillion");
      Objects.requireNonNull(completionPerMillion, "completionPerMillion");
      if (promptPerMillion.signum() < 0 || completionPerMillion.signum() < 0) {
        throw new IllegalArgumentException("prices must not be negative");
      }
      promptPerMillion = plain(promptPerMillion);
      completionPerMillion = plain(completionPerMillion);
    }

    /** One spelling per amount: {@code 1E+1}, {@code 10.0} and {@code 10} are the same price. */
    private static BigDecimal plain(BigDecimal amount) {
      return new BigDecimal(amount.stripTrailingZeros().toPlainString());
    }

    /**
     * What {@code promptTokens} and {@code completionTokens} cost, in micro-dollars rounded up:
     * dollars per million tokens are micro-dollars per token.
     */
    public long micros(long promptTokens, long completionTokens) {
      return promptPerMillion
          .multiply(BigDecimal.valueOf(promptTokens))
          .add(completionPerMillion.multiply(BigDecimal.valueOf(completionTokens)))
          .setScale(0, RoundingMode.CEILING)
          .longValueExact();
    }
  }
}
