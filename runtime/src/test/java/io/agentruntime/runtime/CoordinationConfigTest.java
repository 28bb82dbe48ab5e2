package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.contract.config.ConfigException;
import io.agentruntime.contract.config.IdempotencyConfig;
import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code rateLimits} and {@code idempotency.store} keys. */
class CoordinationConfigTest {

  private static final String INTENTS = "intents: [{name: a, backend: {type: echo}}]\n";
  private static final String DYNAMODB =
      "governance: {store: {dynamodb: {table: t, region: eu-west-1}}}\n";

  @TempDir Path dir;

  @Test
  void defaultsToPodLocalClaimsAndLettingRequestsThroughWhenTheStoreFails() throws Exception {
    RuntimeConfig config = load(INTENTS);

    assertThat(config.idempotency().store()).isEqualTo(IdempotencyConfig.Store.MEMORY);
    assertThat(config.rateLimits().onStoreError()).isEqualTo(RateLimitConfig.OnStoreError.ALLOW);
  }

  @Test
  void readsTheSharedClaimsAndTheDenyingStoreErrorPolicy() throws Exception {
    RuntimeConfig config =
        load(
            DYNAMODB
                + "idempotency: {store: dynamodb}\nrateLimits: {onStoreError: deny}\n"
                + INTENTS);

    assertThat(config.idempotency().store()).isEqualTo(IdempotencyConfig.Store.DYNAMODB);
    assertThat(config.rateLimits().onStoreError()).isEqualTo(RateLimitConfig.OnStoreError.DENY);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          idempotency: {store: dynamodb}   | idempotency.store: dynamodb needs governance.store.dynamodb
          idempotency: {store: redis}      | idempotency.store: must be memory or dynamodb, got 'redis'
          rateLimits: {onStoreError: warn} | rateLimits.onStoreError: must be allow or deny, got 'warn'
          rateLimits: {burst: 3}           | rateLimits.burst: unknown key
          """)
  void errorsNameTheKeyAtFault(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml + "\n" + INTENTS))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  private RuntimeConfig load(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("runtime.yaml"), yaml);
    return new RuntimeConfigLoader(Map.of()).load(file);
  }
}
