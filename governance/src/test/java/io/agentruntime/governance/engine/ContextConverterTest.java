package io.agentruntime.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.Decimal;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextConverterTest {

  @Test
  void integralNumbersOfAnyJavaTypeBecomeLongs() throws Exception {
    Map<String, Value> context =
        ContextConverter.convert(
            Map.of(
                "i", 7, "l", 7L, "d", 7.0, "big", new BigDecimal("7.000"), "bi", BigInteger.TEN));

    assertThat(context)
        .containsEntry("i", new PrimLong(7))
        .containsEntry("l", new PrimLong(7))
        .containsEntry("d", new PrimLong(7))
        .containsEntry("big", new PrimLong(7))
        .containsEntry("bi", new PrimLong(10));
  }

  @Test
  void fractionsWithAtMostFourDigitsBecomeDecimals() throws Exception {
    Map<String, Value> context = ContextConverter.convert(Map.of("cost", 0.1, "rate", -12.3456));

    assertThat(context)
        .containsEntry("cost", new Decimal("0.1"))
        .containsEntry("rate", new Decimal("-12.3456"));
  }

  @Test
  void valuesCedarCannotHoldAreRejectedNamingTheirPath() {
    assertThatThrownBy(() -> ContextConverter.convert(Map.of("n", Double.NaN)))
        .hasMessageContaining("context.n");
    assertThatThrownBy(
            () -> ContextConverter.convert(Map.of("n", new BigInteger("1" + "0".repeat(30)))))
        .hasMessageContaining("context.n")
        .hasMessageContaining("long range");
    assertThatThrownBy(() -> ContextConverter.convert(Map.of("list", List.of(1, new Object()))))
        .hasMessageContaining("context.list[1]")
        .hasMessageContaining("Object");
    assertThatThrownBy(() -> ContextConverter.convert(Map.of("m", Map.of(1, "x"))))
        .hasMessageContaining("context.m")
        .hasMessageContaining("keys must be strings");
  }

  @Test
  void nestingUpToTheLimitIsAcceptedAndOneLevelMoreIsNot() throws Exception {
    Object nested = List.of("leaf");
    // The context record itself is the first level.
    for (int depth = 3; depth <= ContextConverter.MAX_DEPTH; depth++) {
      nested = List.of(nested);
    }
    Object atLimit = nested;

    Map<String, Value> context = ContextConverter.convert(Map.of("deep", atLimit));

    assertThat(context.get("deep")).isInstanceOf(CedarList.class);
    assertThatThrownBy(() -> ContextConverter.convert(Map.of("deep", List.of(atLimit))))
        .hasMessageContaining("nested deeper than " + ContextConverter.MAX_DEPTH);
  }
}
