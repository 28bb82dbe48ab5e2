package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.RefusedPort;
import io.agentruntime.runtime.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing backend is the backend's problem: 502 or 504, never a 500, and the runtime goes on. */
class BackendFailureTest {

  private static final String BODY = "{\"intent\": \"%s\", \"context\": {\"user_id\": \"ann\"}}";

  @TempDir Path dir;

  @Test
  void anUnreachableBackendIsUnavailableWithRetryAfterAndNothingSent() throws Exception {
    RefusedPort closed = RefusedPort.reserve();
    String intents =
        """
        intents:
          - name: lookup_order
            timeout: 5s
            backend: {type: http, url: "http://127.0.0.1:%d/tool"}
        """
            .formatted(closed.port());
    try (closed;
        TestRuntime runtime =
            TestRuntime.start(dir, intents, Map.of("allow.cedar", TestRuntime.ALLOW_ALL))) {
      HttpResponse<String> response = runtime.post("/dispatch", BODY.formatted("lookup_order"));

      // a pool scaled to zero or still starting looks like this: retrying later is safe
      assertThat(response.statusCode()).isEqualTo(503);
      ProblemAssert.isProblem(response, "backend-unavailable");
      assertThat(response.headers().firstValue("retry-after")).contains("10");
    }
  }

  @Test
  void slowBackendIsAGatewayTimeout() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()))) {
      String intents =
          """
          intents:
            - name: lookup_order
              timeout: 300ms
              backend: {type: http, url: "%s"}
          """
              .formatted(backend.url("/tool"));
      try (TestRuntime runtime =
          TestRuntime.start(dir, intents, Map.of("allow.cedar", TestRuntime.ALLOW_ALL))) {
        HttpResponse<String> response = runtime.post("/dispatch", BODY.formatted("lookup_order"));

        assertThat(response.statusCode()).isEqualTo(504);
        ProblemAssert.isProblem(response, "backend-timeout");
        assertThat(runtime.management("/metrics").body())
            .contains(
                "agent_dispatch_requests_total{code=\"504\",intent=\"lookup_order\","
                    + "outcome=\"backend_error\"} 1");
      }
    }
  }
}
