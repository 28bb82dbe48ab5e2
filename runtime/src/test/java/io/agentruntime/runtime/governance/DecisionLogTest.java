package io.agentruntime.runtime.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

  @Test
  void aLineIsOneJsonObjectWithEveryFieldEscaped() {
    String principal = "ann \"the admin\"\n\\ \u0001 ünïcode";
    Decision decision =
        new Decision(
            Effect.DENY,
            EnforcementMode.ENFORCE,
            List.of("forbid-\"quoted\""),
            List.of("audit-1", "audit-2"),
            List.of("error in policy \"x\""),
            3,
            12_345);

    String line =
        DecisionLog.line(
            new RequestIds("abc", Optional.of("trace-7")), principal, "call_reasoning", decision);

    assertThat(line).doesNotContain("\n");
    JsonObject json = new JsonObject(line);
    assertThat(json.fieldNames())
        .containsExactly(
            "time",
            "requestId",
            "clientRequestId",
            "principal",
            "intent",
            "effect",
            "mode",
            "policies",
            "auditDenials",
            "micros",
            "errors");
    assertThat(json.getString("principal")).isEqualTo(principal);
    assertThat(json.getString("clientRequestId")).isEqualTo("trace-7");
    assertThat(json.getString("effect")).isEqualTo("Deny");
    assertThat(json.getJsonArray("policies").getList()).containsExactly("forbid-\"quoted\"");
    assertThat(json.getJsonArray("auditDenials").getList()).containsExactly("audit-1", "audit-2");
    assertThat(json.getJsonArray("errors").getList()).containsExactly("error in policy \"x\"");
    assertThat(json.getLong("micros")).isEqualTo(12);
    assertThat(Duration.between(Instant.parse(json.getString("time")), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void withoutErrorsOrClientIdThoseFieldsAreLeftOut() {
    Decision decision =
        new Decision(Effect.ALLOW, EnforcementMode.AUDIT, List.of(), List.of(), List.of(), 1, 0);

    JsonObject json =
        new JsonObject(
            DecisionLog.line(new RequestIds("abc", Optional.empty()), "ann", "i", decision));

    assertThat(json.fieldNames()).doesNotContain("errors", "clientRequestId");
    assertThat(json.getJsonArray("policies").isEmpty()).isTrue();
  }

  @Test
  void timesKeepTheirOrderAndValueAcrossSecondsAndFractions() {
    Instant[] instants = {
      Instant.parse("2026-12-04T20:18:15Z"),
      Instant.parse("2026-12-04T20:18:15.000000001Z"),
      Instant.parse("2026-12-04T20:18:15.5Z"),
      Instant.parse("2026-12-04T20:18:15.999999999Z"),
      Instant.parse("2026-12-04T20:18:16.000123Z"),
      Instant.parse("1999-12-31T23:59:59.25Z"),
    };
    LogTime times = new LogTime();
    for (Instant instant : instants) {
      String text = times.text(instant);
      assertThat(text).hasSize("2026-12-04T20:18:15.000000000Z".length()).endsWith("Z");
      assertThat(Instant.parse(text)).isEqualTo(instant);
    }
  }
}
