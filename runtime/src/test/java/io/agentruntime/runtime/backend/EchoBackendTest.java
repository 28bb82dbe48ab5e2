package io.agentruntime.runtime.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class EchoBackendTest {

  @Test
  void answersWithTheInputAndTheDecision() {
    JsonObject input = new JsonObject().put("question", "status of order 42?");
    JsonObject decision = new JsonObject().put("effect", "Allow").put("mode", "Enforce");
    BackendCall call =
        new BackendCall("req-1", "call_reasoning", input, new JsonObject(), decision);

    Future<JsonObject> result = new EchoBackend().invoke(call);

    assertThat(result.succeeded()).as("completes at once").isTrue();
    assertThat(result.result())
        .isEqualTo(new JsonObject().put("input", input).put("decision", decision));
  }
}
