package io.agentruntime.operator.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.render.RenderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each {@code with} method changes its own setting and carries every other one over. */
class OperatorSettingsTest {

  private static final Optional<URI> DYNAMODB = Optional.of(URI.create("http://dynamodb:8000"));
  private static final Optional<URI> SQS = Optional.of(URI.create("http://sqs:9324"));
  private static final RenderSettings RENDERING = RenderSettings.DEFAULTS;
  private static final Duration RECHECK = Duration.ofMinutes(3);

  /** Settings whose every field differs from what each {@code with} method sets. */
  private static final OperatorSettings BASE = settings(DYNAMODB, SQS, RENDERING, RECHECK);

  @Test
  void withDynamoDbEndpointChangesOnlyThatEndpoint() {
    URI local = URI.create("http://127.0.0.1:8000");

    assertThat(BASE.withDynamoDbEndpoint(local))
        .isEqualTo(settings(Optional.of(local), SQS, RENDERING, RECHECK));
  }

  @Test
  void withSqsEndpointChangesOnlyThatEndpoint() {
    URI local = URI.create("http://127.0.0.1:9324");

    assertThat(BASE.withSqsEndpoint(local))
        .isEqualTo(settings(DYNAMODB, Optional.of(local), RENDERING, RECHECK));
  }

  @Test
  void withRenderingChangesOnlyTheRendering() {
    var prometheus = new RenderSettings(URI.create("http://prometheus.monitoring:9090"));

    assertThat(BASE.withRendering(prometheus))
        .isEqualTo(settings(DYNAMODB, SQS, prometheus, RECHECK));
  }

  @Test
  void withAddOnRecheckIntervalChangesOnlyTheInterval() {
    assertThat(BASE.withAddOnRecheckInterval(Duration.ofSeconds(5)))
        .isEqualTo(settings(DYNAMODB, SQS, RENDERING, Duration.ofSeconds(5)));
  }

  /** Settings with the given values for what the {@code with} methods set, fixed values else. */
  private static OperatorSettings settings(
      Optional<URI> dynamoDb, Optional<URI> sqs, RenderSettings rendering, Duration recheck) {
    return new OperatorSettings(
        Set.of("agents"),
        Optional.of(new LeaderElectionSettings("lease", "operators", "pod-0", true)),
        9090,
        Duration.ofSeconds(20),
        dynamoDb,
        sqs,
        rendering,
        recheck);
  }
}
