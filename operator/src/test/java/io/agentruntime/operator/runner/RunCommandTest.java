package io.agentruntime.operator.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(
              new ConfigBuilder()
                  .withMasterUrl("https://127.0.0.1:6443")
                  .withNamespace("agent-runtime-system")
                  .build())
          .build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void watchesTheListedNamespacesAndCompetesForTheDefaultLease() {
    assumeTrue(System.getenv("POD_NAMESPACE") == null, "POD_NAMESPACE overrides the fallback");
    var settings = parse("--namespaces", "agents, shop,", "--identity", "operator-0");

    assertThat(settings.watchedNamespaces()).containsExactlyInAnyOrder("agents", "shop");
    assertThat(settings.httpPort()).isEqualTo(OperatorSettings.DEFAULT_HTTP_PORT);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.leaderElection())
        .hasValueSatisfying(
            election -> {
              assertThat(election.leaseName()).isEqualTo("agent-runtime-operator");
              assertThat(election.leaseNamespace())
                  .as("the client's namespace when POD_NAMESPACE is not set")
                  .isEqualTo("agent-runtime-system");
              assertThat(election.identity()).isEqualTo("operator-0");
              assertThat(election.exitOnLoss()).isTrue();
            });
  }

  @Test
  void watchesAllNamespacesWithoutLeaderElectionWhenAsked() {
    var settings = parse("--namespaces", "", "--no-leader-election");

    assertThat(settings.watchesAllNamespaces()).isTrue();
    assertThat(settings.leaderElection()).isEmpty();
  }

  @Test
  void canKeepRunningAfterLosingTheLease() {
    var settings = parse("--identity", "operator-0", "--no-exit-on-leadership-loss");

    assertThat(settings.leaderElection())
        .hasValueSatisfying(election -> assertThat(election.exitOnLoss()).isFalse());
  }

  @Test
  void reachesDynamoDbAtAnEndpointWhenGivenOne() {
    assumeTrue(
        System.getenv("AGENT_RUNTIME_DYNAMODB_ENDPOINT") == null,
        "AGENT_RUNTIME_DYNAMODB_ENDPOINT sets the default");
    assertThat(parse("--no-leader-election").dynamoDbEndpoint()).as("AWS itself").isEmpty();

    var settings = parse("--no-leader-election", "--dynamodb-endpoint", "http://127.0.0.1:4567");

    assertThat(settings.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
  }

  @Test
  void kedaQueriesThePrometheusGivenOrTheDefaultOne() {
    assumeTrue(
        System.getenv("AGENT_RUNTIME_PROMETHEUS_URL") == null,
        "AGENT_RUNTIME_PROMETHEUS_URL sets the default");
    assertThat(parse("--no-leader-election").rendering().prometheusUrl())
        .hasToString("http://prometheus-operated.monitoring.svc:9090");

    var settings = parse("--no-leader-election", "--prometheus-url", "http://prom.tools:9090");

    assertThat(settings.rendering().prometheusUrl()).hasToString("http://prom.tools:9090");
  }

  @Test
  void rejectsAPrometheusUrlThatIsNoUrlNamingTheOption() {
    assertThatThrownBy(() -> parse("--no-leader-election", "--prometheus-url", "prometheus:9090"))
        .hasMessageContaining("--prometheus-url: 'prometheus:9090'");
  }

  @Test
  void rejectsAnOutOfRangePort() {
    assertThatThrownBy(() -> parse("--no-leader-election", "--http-port", "70000"))
        .hasMessageContaining("http port");
  }

  private OperatorSettings parse(String... args) {
    var command = new RunCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings(client);
  }
}
