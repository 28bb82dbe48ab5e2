package io.agentruntime.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.EvaluatorChoice;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the configuration file: defaults, every key, and errors naming the key at fault. */
class RuntimeConfigFormatTest {

  private static final String MINIMAL =
      """
      intents:
        - name: call_reasoning
          backend: {type: echo}
      """;

  @TempDir Path dir;

  @Test
  void appliesTheDocumentedDefaults() throws Exception {
    RuntimeConfig config = load(MINIMAL);

    assertThat(config.runtime().resource()).isEqualTo("default/local");
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().maxBodySize()).isEqualTo(1 << 20);
    assertThat(config.server().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.server().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.identity().principalHeader()).isEqualTo("x-agent-principal");
    assertThat(config.identity().groupsHeader()).as("groups from a header are opt-in").isEmpty();
    assertThat(config.identity().localMode()).isFalse();
    assertThat(config.governance().mode()).isEqualTo(EnforcementMode.ENFORCE);
    assertThat(config.governance().evaluator()).isEqualTo(EvaluatorChoice.JVM);
    assertThat(config.governance().refreshInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.governance().context()).isEqualTo(new ContextLimits(64 << 10, 1_000, 16));
    assertThat(config.governance().store())
        .isEqualTo(
            new PolicyStoreConfig.File(dir.getParent().resolve("policies").toAbsolutePath()));
    assertThat(config.idempotency().window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.idempotency().maxBytes()).isEqualTo(64 << 20);
    assertThat(config.idempotency().maxBytesPerPrincipal()).isEqualTo(8 << 20);
    assertThat(config.idempotency().maxReplySize()).isEqualTo(350 << 10);
    assertThat(config.intents())
        .singleElement()
        .satisfies(
            intent -> {
              assertThat(intent.timeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(intent.streaming().firstByteTimeout()).isEqualTo(Duration.ofSeconds(15));
              assertThat(intent.streaming().idleTimeout()).isEqualTo(Duration.ofSeconds(15));
              assertThat(intent.backend().type()).isEqualTo("echo");
            });
  }

  @Test
  void readsEveryDocumentedKey() throws Exception {
    RuntimeConfig config =
        load(
            """
            runtime: {name: support, namespace: agents}
            server: {host: 127.0.0.1, port: 9090, eventLoops: 3, maxBodySize: 512KiB,
                     requestTimeout: 250ms, idleTimeout: 5m, shutdownGracePeriod: 1h}
            identity: {principalHeader: x-user, groupsHeader: x-groups, localMode: true}
            governance:
              mode: Audit
              evaluator: shadow
              refreshInterval: 2s
              maxStaleness: 1m
              store: {file: {directory: /srv/policies}}
              context: {maxBytes: 8KiB, maxMembers: 100, maxDepth: 4}
            idempotency: {window: 30s, maxBytes: 1MiB, maxBytesPerPrincipal: 64KiB,
                          maxReplySize: 16KiB}
            intents:
              - name: lookup_order
                timeout: 2s
                backend: {type: http, url: "http://orders:8080/lookup", maxConnections: 7,
                          maxPending: 3}
              - name: summarize
                backend: {type: openai, url: "http://llm:8000", model: llama}
            """);

    assertThat(config.runtime().resource()).isEqualTo("agents/support");
    assertThat(config.server().maxBodySize()).isEqualTo(512 * 1024);
    assertThat(config.server().requestTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.server().effectiveEventLoops()).isEqualTo(3);
    assertThat(config.identity().groupsHeader()).hasValue("x-groups");
    assertThat(config.governance().mode()).isEqualTo(EnforcementMode.AUDIT);
    assertThat(config.governance().evaluator()).isEqualTo(EvaluatorChoice.SHADOW);
    assertThat(config.governance().context()).isEqualTo(new ContextLimits(8 << 10, 100, 4));
    assertThat(config.governance().store())
        .isEqualTo(new PolicyStoreConfig.File(Path.of("/srv/policies")));
    assertThat(config.idempotency().maxBytes()).isEqualTo(1 << 20);
    assertThat(config.idempotency().maxBytesPerPrincipal()).isEqualTo(64 << 10);
    assertThat(config.idempotency().maxReplySize()).isEqualTo(16 << 10);
    assertThat(config.intents().get(0).backend())
        .isEqualTo(
            new BackendConfig.Http(
                URI.create("http://orders:8080/lookup"),
                new BackendConfig.Pool(7, 3, BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE)));
    assertThat(config.intents().get(1).backend())
        .as("the pool's wait queue defaults to twice the default pool of 100")
        .isEqualTo(
            new BackendConfig.OpenAi(
                URI.create("http://llm:8000"),
                "llama",
                new BackendConfig.Pool(100, 200, BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE)));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          intents: [{name: a, backend: {type: echo}}, {name: b, timeout: abc, backend: {type: echo}}] | intents[1].timeout: invalid duration 'abc'
          intents: [{name: a, backend: {type: echo}, colour: red}]                                | intents[0].colour: unknown key
          intents: [{name: a, idleTimeout: 0s, backend: {type: echo}}]                             | intents[0].idleTimeout: must be longer than zero
          server: {prot: 1}                                                                        | server.prot: unknown key
          server: {maxBodySize: huge}                                                              | server.maxBodySize: invalid size 'huge'
          server: {port: 70000}                                                                    | server.port: must be between 0 and 65535
          governance: {mode: Sometimes}                                                            | governance.mode: must be Enforce or Audit
          governance: {evaluator: native}                                                          | governance.evaluator: 'native' is not an evaluator; expected one of jvm, cedar, shadow
          governance: {store: {dynamo: {}}}                                                        | governance.store.dynamo: unknown key
          governance: {store: {file: {}, dynamodb: {table: t, region: r}}}                         | governance.store.dynamodb: give exactly one store, either file or dynamodb
          governance: {store: {dynamodb: {region: eu-west-1}}}                                     | governance.store.dynamodb.table: is required
          governance: {store: {dynamodb: {table: t}}}                                              | governance.store.dynamodb.region: is required
          governance: {store: {dynamodb: {table: t, region: r, endpoint: 'ftp://x'}}}               | governance.store.dynamodb.endpoint: must be an absolute http(s) URL
          governance: {store: {dynamodb: {table: t, region: a, regions: [b, a]}}}                  | governance.store.dynamodb.regions: must start with the pod's own region 'a'
          governance: {store: {dynamodb: {table: t, region: a, regions: [a, a]}}}                  | governance.store.dynamodb.regions[1].name: region 'a' is listed twice
          governance: {store: {dynamodb: {table: t, region: a, regions: [{name: a, zone: z}]}}}    | governance.store.dynamodb.regions[0].zone: unknown key
          governance: {store: {dynamodb: {table: t, region: a, regions: []}}}                      | governance.store.dynamodb.regions: must be a non-empty list
          runtime: {name: Shop}\\ngovernance: {store: {dynamodb: {table: t, region: a}}}           | runtime.name: must be a Kubernetes name
          intents: [{name: 'bad name', backend: {type: echo}}]                                     | intents[0].name: 'bad name' must match
          intents: [{name: a, backend: {type: echo}}, {name: a, backend: {type: echo}}]            | intents[1].name: duplicate intent 'a'
          intents: [{name: a, backend: {type: grpc}}]                                              | intents[0].backend.type: must be echo, http or openai
          intents: [{name: a, backend: {type: http}}]                                              | intents[0].backend.url: is required
          intents: [{name: a, backend: {type: http, url: 'http://b', maxPending: 0}}]              | intents[0].backend.maxPending: must be between 1 and 2147483647, got 0
          intents: [{name: a, backend: {type: echo, maxPending: 5}}]                               | intents[0].backend.maxPending: unknown key
          intents: []                                                                              | intents: must be a non-empty list
          governance: {context: {maxDepth: 33}}                                                    | governance.context.maxDepth: must be between 1 and 32
          idempotency: {maxEntries: 10}                                                            | idempotency.maxEntries: replaced by maxBytes
          idempotency: {maxBytes: 1MiB, maxBytesPerPrincipal: 2MiB}                                | idempotency.maxBytesPerPrincipal: must not exceed maxBytes
          idempotency: {maxBytesPerPrincipal: 1MiB, maxReplySize: 2MiB}                            | idempotency.maxReplySize: must not exceed maxBytesPerPrincipal
          mcpServers: [{name: GitHub, url: 'http://g'}]                                            | mcpServers[0].name: 'GitHub' must match
          mcpServers: [{name: g, url: 'http://g'}, {name: g, url: 'http://h'}]                     | mcpServers[1].name: duplicate MCP server 'g'
          mcpServers: [{name: g}]                                                                  | mcpServers[0].url: is required
          mcpServers: [{name: g, url: 'http://g', timeout: 0s}]                                    | mcpServers[0].timeout: must be longer than zero
          mcpServers: [{name: g, url: 'http://g', headers: {Accept: text/html}}]                   | mcpServers[0].headers: 'Accept' is set by the gateway itself
          mcpServers: [{name: g, url: 'http://g', headers: {Mcp-Session-Id: s}}]                   | mcpServers[0].headers: 'Mcp-Session-Id' is set by the gateway itself
          mcpServers: [{name: g, url: 'http://g', headers: {'a b': x}}]                            | mcpServers[0].headers: 'a b' is not a valid header name
          mcpServers: [{name: g, url: 'http://g', headers: [x]}]                                   | mcpServers[0].headers: must be a mapping
          mcpServers: [{name: g, url: 'http://g', headers: {A: x, a: y}}]                          | mcpServers[0].headers: 'a' is given twice
          mcpServers: [{name: g, url: 'http://g', headers: {A: "x\\x01y"}}]                        | mcpServers[0].headers.A.value: must not contain line breaks
          mcpServers: [{name: g, url: 'http://g', headers: {A: {value: x, file: /f}}}]             | mcpServers[0].headers.A: exactly one of value or file must be set
          mcpServers: [{name: g, url: 'http://g', headers: {A: {path: /f}}}]                       | mcpServers[0].headers.A: exactly one of value or file must be set
          mcpServers: [{name: g, url: 'http://g', headers: {A: {file: token}}}]                    | mcpServers[0].headers.A.file: must be an absolute path
          mcpServers: [{name: g, url: 'http://g', headers: {A: {file: /f, mode: x}}}]              | mcpServers[0].headers.A.mode: unknown key
          intents: [{name: a, backend: {type: http, url: 'http://b', maxResponseSize: big}}]       | intents[0].backend.maxResponseSize: invalid size 'big'
          intents: [{name: a, backend: {type: openai, url: 'http://m', model: m, maxTokens: 0}}]   | intents[0].backend.maxTokens: must be between 1 and 2147483647, got 0
          intents: [{name: a, backend: {type: openai, url: 'http://m', model: m, price: {promptPerMillion: 1}}}] | intents[0].backend.price.completionPerMillion: is required
          intents: [{name: a, backend: {type: openai, url: 'http://m', model: m, price: {promptPerMillion: -1, completionPerMillion: 1}}}] | intents[0].backend.price.promptPerMillion: must be a non-negative number
          intents: [{name: a, backend: {type: http, url: 'http://b', price: {promptPerMillion: 1, completionPerMillion: 1}}}] | intents[0].backend.price: unknown key
          """)
  void errorsNameTheKeyAtFault(String yaml, String message) {
    String file = yaml.startsWith("intents") ? yaml : yaml.replace("\\n", "\n") + "\n" + MINIMAL;

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void readsTheDynamoDbStore() throws Exception {
    RuntimeConfig config =
        load(
            """
            runtime: {name: support, namespace: agents}
            governance:
              store:
                dynamodb:
                  table: governance-policies
                  region: eu-west-1
                  endpoint: http://127.0.0.1:8000
                  regions: [eu-west-1, {name: us-east-1, endpoint: 'http://127.0.0.1:8001'}]
            """
                + MINIMAL);

    assertThat(config.governance().store())
        .isEqualTo(
            new PolicyStoreConfig.DynamoDb(
                "governance-policies",
                new PolicySetKey("agents", "support"),
                List.of(
                    new PolicyStoreConfig.Region(
                        "eu-west-1", Optional.of(URI.create("http://127.0.0.1:8000"))),
                    new PolicyStoreConfig.Region(
                        "us-east-1", Optional.of(URI.create("http://127.0.0.1:8001"))))));
  }

  @Test
  void aDynamoDbStoreReadsItsOwnRegionByDefault() throws Exception {
    RuntimeConfig config =
        load("governance: {store: {dynamodb: {table: policies, region: eu-west-1}}}\n" + MINIMAL);

    assertThat(((PolicyStoreConfig.DynamoDb) config.governance().store()).regions())
        .containsExactly(new PolicyStoreConfig.Region("eu-west-1", Optional.empty()));
  }

  @Test
  void readsMcpServersAndWritesThemBack() throws Exception {
    RuntimeConfig config =
        load(
            MINIMAL
                + """
                mcpServers:
                  - name: github
                    url: http://github-mcp.tools:8080/mcp
                    headers:
                      X-Team: agents
                      Authorization: {file: /var/run/agentruntime/mcp/github/0}
                  - name: docs
                    url: https://docs.example/mcp
                    timeout: 5s
                """);

    assertThat(config.mcpServers())
        .containsExactly(
            new McpServerConfig(
                "github",
                URI.create("http://github-mcp.tools:8080/mcp"),
                McpServerConfig.DEFAULT_TIMEOUT,
                java.util.Map.of(
                    "X-Team",
                    new McpServerConfig.HeaderValue.Literal("agents"),
                    "Authorization",
                    new McpServerConfig.HeaderValue.FromFile(
                        java.nio.file.Path.of("/var/run/agentruntime/mcp/github/0")))),
            new McpServerConfig(
                "docs",
                URI.create("https://docs.example/mcp"),
                Duration.ofSeconds(5),
                java.util.Map.of()));
    assertThat(config.mcpServer("docs")).map(McpServerConfig::path).hasValue("/mcp/docs");
    assertThat(RuntimeConfigFormat.read(RuntimeConfigFormat.write(config), dir).mcpServers())
        .isEqualTo(config.mcpServers());
    assertThat(load(MINIMAL).mcpServers()).isEmpty();
  }

  private RuntimeConfig load(String yaml) throws Exception {
    return RuntimeConfigFormat.read(yaml, dir);
  }
}
