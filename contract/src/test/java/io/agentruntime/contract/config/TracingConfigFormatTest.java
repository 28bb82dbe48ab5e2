package io.agentruntime.contract.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracing} section: off by default, defaults, round trip, errors naming the key. */
class TracingConfigFormatTest {

  private static final String INTENTS =
      """
      intents:
        - name: call_reasoning
          backend: {type: echo}
      """;

  @TempDir Path dir;

  @Test
  void withoutTheSectionNothingIsTraced() throws Exception {
    assertThat(RuntimeConfigFormat.read(INTENTS, dir).tracing()).isEmpty();
  }

  @Test
  void anEndpointAloneKeepsEveryTraceAndSendsToTheTracesPath() throws Exception {
    TracingConfig tracing =
        RuntimeConfigFormat.read("tracing: {endpoint: 'http://collector:4318/'}\n" + INTENTS, dir)
            .tracing()
            .orElseThrow();

    assertThat(tracing.samplingRatio()).isEqualTo(TracingConfig.DEFAULT_SAMPLING_RATIO);
    assertThat(tracing.tracesUrl()).isEqualTo(URI.create("http://collector:4318/v1/traces"));
  }

  @Test
  void theSectionSurvivesTheOperatorsWriteAndTheRuntimesRead() throws Exception {
    RuntimeConfig config =
        RuntimeConfigFormat.read(
            "tracing: {endpoint: 'https://collector:4318', samplingRatio: 0.25}\n" + INTENTS, dir);

    assertThat(RuntimeConfigFormat.read(RuntimeConfigFormat.write(config), dir).tracing())
        .contains(new TracingConfig(URI.create("https://collector:4318"), 0.25));
  }

  @Test
  void errorsNameTheKey() {
    assertThatThrownBy(
            () -> RuntimeConfigFormat.read("tracing: {samplingRatio: 0.5}\n" + INTENTS, dir))
        .hasMessageContaining("tracing.endpoint: is required");
    assertThatThrownBy(
            () ->
                RuntimeConfigFormat.read(
                    "tracing: {endpoint: 'http://c:4318', samplingRatio: 1.5}\n" + INTENTS, dir))
        .hasMessageContaining("tracing.samplingRatio: must be between 0 and 1, got 1.5");
    assertThatThrownBy(
            () -> RuntimeConfigFormat.read("tracing: {endpoint: 'grpc://c:4317'}\n" + INTENTS, dir))
        .hasMessageContaining("tracing.endpoint: must be an absolute http(s) URL");
    assertThatThrownBy(
            () ->
                RuntimeConfigFormat.read(
                    "tracing: {endpoint: 'http://c:4318', headers: {}}\n" + INTENTS, dir))
        .hasMessageContaining("tracing.headers: unknown key");
  }
}
