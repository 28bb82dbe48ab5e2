package io.agentruntime.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalContextTest {

  @Test
  void equalContextsShareAKey() throws Exception {
    assertThat(canonical(Map.of("tier", "paid", "n", List.of(1, 2))))
        .isEqualTo(canonical(Map.of("tier", "paid", "n", List.of(1L, 2L))));
  }

  @Test
  void contextsCedarTellsApartNeverShareAKey() throws Exception {
    List<Map<String, Object>> lookAlikes =
        List.of(
            Map.of("a", "1"),
            Map.of("a", 1),
            Map.of("a", "true"),
            Map.of("a", true),
            Map.of("a", 1.5),
            Map.of("a", "l1"),
            Map.of("a", List.of("1")),
            Map.of("a", Map.of("1", "1")),
            Map.of("a\":\"b", "c"),
            Map.of("a", "b\",\"c\":\"d"),
            Map.of("a", "b\\"),
            Map.of("a", "b\\\\"));

    List<String> keys = new java.util.ArrayList<>();
    for (Map<String, Object> context : lookAlikes) {
      keys.add(canonical(context));
    }

    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void theMemoNeverAnswersOneContextWithAnothersDecision() throws Exception {
    GovernanceEngine engine =
        Policies.engineWith(
            Policies.enforced(
                "strings-only",
                "permit(principal, action, resource) when { context.a == \"1\" };"));

    Decision text = engine.decide(Policies.request("u", "x", Map.of("a", "1")));
    Decision number = engine.decide(Policies.request("u", "x", Map.of("a", 1)));

    assertThat(text.effect()).isEqualTo(Effect.ALLOW);
    assertThat(number.effect()).isEqualTo(Effect.DENY);
  }

  private static String canonical(Map<String, Object> context) throws Exception {
    return CanonicalContext.of(ContextConverter.convert(context));
  }
}
