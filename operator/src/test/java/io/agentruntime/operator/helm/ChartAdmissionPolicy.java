package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chart's ValidatingAdmissionPolicy and its binding, for suites outside this package. */
public final class ChartAdmissionPolicy {

  private ChartAdmissionPolicy() {}

  /**
   * The policy and its binding {@code helm template} renders with {@code admissionPolicy.enabled}
   * and the given limits, e.g. {@code admissionPolicy.runtimeImages[0]}.
   */
  public static List<JsonNode> objects(Map<String, Object> limits) {
    Map<String, Object> values = new HashMap<>(limits);
    values.put("admissionPolicy.enabled", true);
    RenderedChart chart = OperatorChart.render(values);
    return List.of(
        chart.one("ValidatingAdmissionPolicy"), chart.one("ValidatingAdmissionPolicyBinding"));
  }
}
