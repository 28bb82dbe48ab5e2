package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API is served at its canonical paths only: a spelling the mesh's path rules would not match
 * ({@code paths: ["/dispatch", "/v1/*"]}) must not reach a handler either.
 */
class CanonicalPathTest {

  private static final String BODY = "{\"intent\": \"call_reasoning\"}";

  @RegisterExtension static final ServingRuntime serving = ServingRuntime.allowingAll();

  @ParameterizedTest(name = "POST {0}")
  @ValueSource(
      strings = {
        "/dispatch/",
        "//dispatch",
        "/dispatch/.",
        "/./dispatch",
        "/x/../dispatch",
        "/%64ispatch",
        "/dispatch%2F",
        "/dispatch;a=b",
        "/DISPATCH",
        "//v1/decisions",
        "/v1//decisions",
        "/v1/./decisions",
        "/v1%2Fdecisions",
        "/v1/decisions/"
      })
  void aPathVariantIsNotServed(String path) throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(serving.runtime().port(), request("POST", path, BODY));

    assertThat(response.status()).as(response.body()).isEqualTo(404);
    assertThat(response.problem("not-found").getString("detail")).contains(path);
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {"/v1/intents/", "//v1/intents", "/v1/%69ntents", "/v1/intents/."})
  void aReadPathVariantIsNotServedEither(String path) throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(serving.runtime().port(), request("GET", path, ""));

    assertThat(response.status()).as(response.body()).isEqualTo(404);
    response.problem("not-found");
  }

  @Test
  void theCanonicalPathsAreServedWithOrWithoutAQuery() throws Exception {
    assertThat(
            RawConnection.exchange(serving.runtime().port(), request("POST", "/dispatch", BODY))
                .status())
        .isEqualTo(200);
    assertThat(
            RawConnection.exchange(
                    serving.runtime().port(), request("POST", "/dispatch?trace=1", BODY))
                .status())
        .isEqualTo(200);
    assertThat(
            RawConnection.exchange(serving.runtime().port(), request("GET", "/v1/intents", ""))
                .status())
        .isEqualTo(200);
  }

  private static String request(String method, String path, String body) {
    return method
        + " "
        + path
        + " HTTP/1.1\r\nhost: localhost\r\nx-agent-principal: ann\r\n"
        + (body.isEmpty()
            ? "\r\n"
            : "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n")
        + body;
  }
}
