package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.IntentBackend;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The intents: what the CRD schema cannot say of their timeouts and backends. The schema states
 * their number, the names' pattern and uniqueness, and (in CEL) exactly one backend each.
 */
final class IntentRules {

  private IntentRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    List<IntentSpec> intents = Optional.ofNullable(spec.getIntents()).orElse(List.of());
    for (int i = 0; i < intents.size(); i++) {
      String field = "spec.intents[" + i + "]";
      IntentSpec intent = intents.get(i);
      if (intent != null) {
        // the runtime refuses a zero timeout: every call would time out before it was sent
        positive(field + ".timeout", intent.getTimeout(), checks);
        positive(field + ".firstByteTimeout", intent.getFirstByteTimeout(), checks);
        positive(field + ".idleTimeout", intent.getIdleTimeout(), checks);
        checkBackend(field + ".backend", intent.getBackend(), spec, checks);
      }
    }
  }

  private static void positive(String field, String duration, FieldChecks checks) {
    checks
        .duration(field, duration)
        .filter(Duration::isZero)
        .ifPresent(zero -> checks.fail(field, "must be greater than zero"));
  }

  private static void checkBackend(
      String field, IntentBackend backend, AgentRuntimeSpec spec, FieldChecks checks) {
    if (backend == null) {
      return;
    }
    if (backend.getUrl() != null) {
      checkUrl(field + ".url", backend.getUrl(), checks);
    } else if (backend.getInference() != null && spec.getInference() == null) {
      checks.fail(field + ".inference", "requires spec.inference (the inference pool to call)");
    }
  }

  static void checkUrl(String field, String url, FieldChecks checks) {
    try {
      URI uri = new URI(url);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!http || uri.getHost() == null) {
        checks.fail(field, "'" + url + "' must be an absolute http:// or https:// URL");
      }
    } catch (URISyntaxException e) {
      checks.fail(field, "'" + url + "' is not a URL: " + e.getReason());
    }
  }
}
