package io.agentruntime.governance.store.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How to reach DynamoDB in one region, with every call bounded in time.
 *
 * <p>Throttling and transient errors are retried by the SDK's standard strategy with full-jitter
 * exponential backoff, at most {@code maxAttempts} attempts and never past {@code apiCallTimeout}:
 * a policy refresh that cannot finish in time fails, and the runtime keeps its last good set.
 *
 * @param region the AWS region, e.g. {@code eu-west-1}
 * @param endpoint an endpoint that replaces the region's own (a local DynamoDB for tests)
 * @param apiCallTimeout the bound on one call including its retries
 * @param apiCallAttemptTimeout the bound on one attempt (connect, send, receive)
 * @param maxAttempts attempts per call, the first included
 */
public record DynamoDbClientSettings(
    String region,
    Optional<URI> endpoint,
    Duration apiCallTimeout,
    Duration apiCallAttemptTimeout,
    int maxAttempts) {
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
  private static final int DEFAULT_MAX_ATTEMPTS = 4;
  private static final Duration BACKOFF_BASE = Duration.ofMillis(25);
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(1);
  private static final Duration THROTTLING_BACKOFF_BASE = Duration.ofMillis(100);
  private static final Duration THROTTLING_BACKOFF_MAX = Duration.ofSeconds(2);

  public DynamoDbClientSettings {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region must not be empty");
    }
    Objects.requireNonNull(endpoint, "endpoint");
    requirePositive("apiCallTimeout", apiCallTimeout);
    requirePositive("apiCallAttemptTimeout", apiCallAttemptTimeout);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** The region's own endpoint, 5 s per call, 2 s per attempt, 4 attempts. */
  public static DynamoDbClientSettings forRegion(String region) {
    return new DynamoDbClientSettings(
        region,
        Optional.empty(),
        DEFAULT_CALL_TIMEOUT,
        DEFAULT_ATTEMPT_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS);
  }

  /** The same settings against another endpoint. */
  public DynamoDbClientSettings withEndpoint(URI endpointOverride) {
    return new DynamoDbClientSettings(
        region, Optional.of(endpointOverride), apiCallTimeout, apiCallAttemptTimeout, maxAttempts);
  }

  /** The same settings with other time bounds. */
  public DynamoDbClientSettings withTimeouts(Duration callTimeout, Duration attemptTimeout) {
    return new DynamoDbClientSettings(region, endpoint, callTimeout, attemptTimeout, maxAttempts);
  }

  /** A client using the SDK's default credential chain (environment, profile, IRSA, ...). */
  public DynamoDbClient newClient() {
    return builder(List.of()).build();
  }

  /**
   * A client with explicit credentials and extra interceptors (e.g. to count requests).
   *
   * @param credentials where the request signatures come from
   * @param interceptors called around every request, in order
   */
  public DynamoDbClient newClient(
      AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors) {
    return builder(interceptors).credentialsProvider(credentials).build();
  }

  private DynamoDbClientBuilder builder(List<ExecutionInterceptor> interceptors) {
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(apiCallAttemptTimeout)
                    .socketTimeout(apiCallAttemptTimeout))
            .overrideConfiguration(overrides(interceptors));
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  private ClientOverrideConfiguration overrides(List<ExecutionInterceptor> interceptors) {
    return ClientOverrideConfiguration.builder()
        .apiCallTimeout(apiCallTimeout)
        .apiCallAttemptTimeout(apiCallAttemptTimeout)
        .retryStrategy(retryStrategy())
        .executionInterceptors(List.copyOf(interceptors))
        .build();
  }

  private RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(THROTTLING_BACKOFF_BASE, THROTTLING_BACKOFF_MAX))
        .build();
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
    }
  }
}
