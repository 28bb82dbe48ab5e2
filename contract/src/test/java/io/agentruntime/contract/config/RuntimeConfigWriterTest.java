package io.agentruntime.contract.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Writing the configuration file: what is written is read back as it was, and nothing more. */
class RuntimeConfigWriterTest {

  private static final RuntimeIdentity SUPPORT = new RuntimeIdentity("support", "agents");

  @Test
  void everyKeyOffItsDefaultIsReadBackAsWritten() throws Exception {
    PolicyStoreConfig.DynamoDb store =
        new PolicyStoreConfig.DynamoDb(
            "governance-policies",
            new PolicySetKey("agents", "support"),
            List.of(
                new PolicyStoreConfig.Region(
                    "eu-west-1", Optional.of(URI.create("http://127.0.0.1:8000"))),
                new PolicyStoreConfig.Region("us-east-1", Optional.empty())));
    RuntimeConfig config =
        new RuntimeConfig(
            SUPPORT,
            new ServerConfig(
                "127.0.0.1",
                9090,
                new ManagementConfig("127.0.0.2", 9091),
                3,
                512 << 10,
                Duration.ofMillis(250),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                true,
                100,
                Duration.ofSeconds(3)),
            new IdentityConfig("x-user", Optional.of("x-groups"), true, true),
            new GovernanceConfig(
                EnforcementMode.AUDIT,
                EvaluatorChoice.SHADOW,
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                store,
                new ContextLimits(8 << 10, 100, 4)),
            new IdempotencyConfig(
                Duration.ofSeconds(30), 1 << 20, 64 << 10, 1000, IdempotencyConfig.Store.DYNAMODB),
            new RateLimitConfig(RateLimitConfig.OnStoreError.DENY),
            List.of(
                new IntentConfig("ping", Duration.ofSeconds(1), new BackendConfig.Echo()),
                new IntentConfig(
                    "lookup_order",
                    Duration.ofSeconds(2),
                    new BackendConfig.Http(
                        URI.create("http://orders:8080/lookup"),
                        new BackendConfig.Pool(7, 3, 5 << 20))),
                new IntentConfig(
                    "summarize",
                    Duration.ofMinutes(2),
                    new IntentConfig.Streaming(Duration.ofSeconds(40), Duration.ofMillis(2500)),
                    new BackendConfig.OpenAi(
                        URI.create("http://llm:8000"),
                        "llama",
                        BackendConfig.Pool.of(20),
                        OptionalInt.of(512),
                        Optional.of(
                            new BackendConfig.Price(
                                new BigDecimal("0.15"), new BigDecimal("1E+1")))),
                    AsyncIntentConfig.DEFAULT)),
            List.of(),
            Optional.empty(),
            Optional.empty());

    assertThat(RuntimeConfigFormat.read(RuntimeConfigFormat.write(config), Path.of("/srv")))
        .isEqualTo(config);
  }

  @Test
  void aFileAtItsDefaultsStatesOnlyWhatOtherObjectsDependOn() {
    RuntimeConfig config =
        new RuntimeConfig(
            SUPPORT,
            ServerConfig.listening(8080, 8081, Duration.ofSeconds(20)),
            new IdentityConfig(
                IdentityConfig.DEFAULT_PRINCIPAL_HEADER, Optional.empty(), false, false),
            new GovernanceConfig(
                GovernanceConfig.DEFAULT_MODE,
                GovernanceConfig.DEFAULT_EVALUATOR,
                GovernanceConfig.DEFAULT_REFRESH_INTERVAL,
                GovernanceConfig.DEFAULT_MAX_STALENESS,
                PolicyStoreConfig.File.DEFAULT,
                ContextLimits.defaults()),
            IdempotencyConfig.DEFAULT,
            RateLimitConfig.DEFAULT,
            List.of(
                new IntentConfig("1.5", IntentConfig.DEFAULT_TIMEOUT, new BackendConfig.Echo())),
            List.of(),
            Optional.empty(),
            Optional.empty());

    assertThat(RuntimeConfigFormat.write(config))
        .isEqualTo(
            """
            runtime:
              name: support
              namespace: agents
            server:
              port: 8080
              management:
                port: 8081
              shutdownGracePeriod: 20s
            identity:
              localMode: false
            governance:
              mode: Enforce
              refreshInterval: 10s
              maxStaleness: 5m
            intents:
            - name: "1.5"
              timeout: 30s
              backend:
                type: echo
            """);
  }

  @Test
  void aDynamoDbStoreWithoutRegionIsWrittenWithoutOne() {
    PolicyStoreConfig.DynamoDb store =
        new PolicyStoreConfig.DynamoDb(
            "policies", new PolicySetKey("agents", "support"), List.of());

    assertThat(PolicyStoreFormat.write(store).fields())
        .isEqualTo(Map.of("dynamodb", Map.of("table", "policies")));
  }

  @Test
  void sizesAreWrittenInTheirLargestExactUnit() {
    assertThat(MappingWriter.size(10L << 20)).isEqualTo("10MiB");
    assertThat(MappingWriter.size(350L << 10)).isEqualTo("350KiB");
    assertThat(MappingWriter.size(2L << 30)).isEqualTo("2GiB");
    assertThat(MappingWriter.size(1000)).isEqualTo("1000B");
  }
}
