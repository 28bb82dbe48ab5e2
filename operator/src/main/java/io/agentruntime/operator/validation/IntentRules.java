package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.IntentBackend;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.api.v1alpha1.TokenPriceSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The intents: names, uniqueness, timeouts and exactly one valid backend each. */
final class IntentRules {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern PRICE = Pattern.compile(TokenPriceSpec.PATTERN);

  private IntentRules() {}

  static void check(AgentRuntimeSpec spec, FieldChecks checks) {
    List<IntentSpec> intents = spec.getIntents();
    if (intents == null || intents.isEmpty()) {
      checks.fail("spec.intents", "at least one intent is required");
      return;
    }
    if (intents.size() > AgentRuntimeSpec.MAX_INTENTS) {
      checks.fail(
          "spec.intents",
          "at most " + AgentRuntimeSpec.MAX_INTENTS + " intents, got " + intents.size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < intents.size(); i++) {
      String field = "spec.intents[" + i + "]";
      IntentSpec intent = intents.get(i);
      if (checks.required(field, intent)) {
        checkName(field + ".name", intent.getName(), seen, checks);
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

  private static void checkName(String field, String name, Set<String> seen, FieldChecks checks) {
    if (!checks.required(field, name)) {
      return;
    }
    if (!NAME.matcher(name).matches()) {
      checks.fail(field, "'" + name + "' must be 1-64 letters, digits, '_', '.' or '-'");
    } else if (!seen.add(name)) {
      checks.fail(field, "'" + name + "' is already used by another intent");
    }
  }

  private static void checkBackend(
      String field, IntentBackend backend, AgentRuntimeSpec spec, FieldChecks checks) {
    if (!checks.required(field, backend)) {
      return;
    }
    int kinds =
        (backend.getUrl() != null ? 1 : 0)
            + (backend.getInference() != null ? 1 : 0)
            + (backend.getEcho() != null ? 1 : 0);
    if (kinds != 1) {
      checks.fail(field, "set exactly one of url, inference or echo, found " + kinds);
      return;
    }
    if (backend.getUrl() != null) {
      checkUrl(field + ".url", backend.getUrl(), checks);
    } else if (backend.getInference() != null && spec.getInference() == null) {
      checks.fail(field + ".inference", "requires spec.inference (the inference pool to call)");
    } else if (backend.getInference() != null && backend.getInference().getPrice() != null) {
      TokenPriceSpec price = backend.getInference().getPrice();
      checkPrice(field + ".inference.price.promptPerMillion", price.getPromptPerMillion(), checks);
      checkPrice(
          field + ".inference.price.completionPerMillion", price.getCompletionPerMillion(), checks);
    }
  }

  private static void checkPrice(String field, String dollars, FieldChecks checks) {
    if (checks.required(field, dollars) && !PRICE.matcher(dollars).matches()) {
      checks.fail(field, "'" + dollars + "' must be dollars such as \"0.15\" (a decimal string)");
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
