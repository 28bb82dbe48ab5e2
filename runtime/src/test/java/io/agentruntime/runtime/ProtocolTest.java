package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTP/1.1 as the runtime speaks it, checked on raw sockets: ambiguous framing and folded headers
 * are refused and the connection closed, cleartext HTTP/2 only when configured, no {@code 100
 * Continue} for a body that will be refused, and the runtime's own errors as problem documents.
 */
class ProtocolTest {

  private static final String BODY = "{\"intent\": \"call_reasoning\"}";
  private static final Duration CLOSE = Duration.ofSeconds(5);

  @RegisterExtension static final ServingRuntime serving = ServingRuntime.allowingAll();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          obs-fold                    | x-agent-principal: mallory\\r\\n alice\\r\\ncontent-length: 28     | obs-fold
          obs-fold with a tab         | x-agent-principal: mallory\\r\\n\\talice\\r\\ncontent-length: 28   | obs-fold
          Content-Length and chunked  | content-length: 28\\r\\ntransfer-encoding: chunked                | Content-Length and Transfer-Encoding
          a coding besides chunked    | transfer-encoding: gzip, chunked                                 | chunked alone
          chunked twice               | transfer-encoding: chunked\\r\\ntransfer-encoding: chunked        | chunked alone
          Content-Length and identity | content-length: 28\\r\\ntransfer-encoding: identity               | chunked alone
          two lengths                 | content-length: 28\\r\\ncontent-length: 29                        | Content-Length
          DEL in a header value       | x-agent-principal: a\\u007fb\\r\\ncontent-length: 28              | prohibited character
          """)
  void anAmbiguousHeadIsRefusedAndTheConnectionClosed(String name, String headers, String detail)
      throws Exception {
    String head =
        "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
            + headers.replace("\\r\\n", "\r\n").replace("\\t", "\t").replace("\\u007f", "\u007f")
            + "\r\n\r\n";
    String chunkedBody = "1c\r\n" + BODY + "\r\n0\r\n\r\n";

    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response response =
          connection.send(head + (headers.contains("chunked") ? chunkedBody : BODY)).read();

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.problem("malformed-request").getString("detail")).contains(detail);
      assertThat(response.headers()).containsEntry("connection", "close");
      assertThat(connection.closedWithin(CLOSE)).isTrue();
    }
  }

  @Test
  void aFoldArrivingInALaterPacketIsRefusedToo() throws Exception {
    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      connection.send(
          "POST /dispatch HTTP/1.1\r\nhost: localhost\r\nx-agent-principal: mallory\r\n");
      connection.send(
          " alice\r\ncontent-type: application/json\r\ncontent-length: 28\r\n\r\n" + BODY);

      RawConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.problem("malformed-request").getString("detail")).contains("obs-fold");
    }
  }

  @Test
  void aPipelinedRequestAfterARefusedOneIsNeverServed() throws Exception {
    String smuggled =
        "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
            + "content-length: 4\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n"
            + "GET /v1/intents HTTP/1.1\r\nhost: localhost\r\n\r\n";

    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      assertThat(connection.send(smuggled).read().status()).isEqualTo(400);
      assertThat(connection.closedWithin(CLOSE)).as("nothing but the close follows").isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a text HTTP/2.0 request line        | GET /v1/intents HTTP/2.0\\r\\nhost: localhost\\r\\n\\r\\n
          an HTTP/2 preface (prior knowledge) | PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n
          """)
  void cleartextHttp2IsRefusedUnlessConfigured(String name, String request) throws Exception {
    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response response = connection.send(request.replace("\\r\\n", "\r\n")).read();

      assertThat(response.statusLine()).startsWith("HTTP/1.1 505");
      assertThat(response.problem("http-version-not-supported").getString("detail"))
          .contains("HTTP/2.0");
      assertThat(connection.closedWithin(CLOSE)).isTrue();
    }
  }

  @Test
  void anH2cUpgradeIsIgnoredUnlessConfigured() throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(
            serving.runtime().port(),
            "GET /v1/intents HTTP/1.1\r\nhost: localhost\r\nconnection: Upgrade, HTTP2-Settings\r\n"
                + "upgrade: h2c\r\nhttp2-settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

    assertThat(response.statusLine()).startsWith("HTTP/1.1 200");
  }

  @Test
  void aDeclaredBodyOverTheLimitGets413InsteadOfContinue() throws Exception {
    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response response =
          connection
              .send(
                  "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
                      + "content-length: 2000000\r\nexpect: 100-continue\r\n\r\n")
              .read();

      assertThat(response.status()).isEqualTo(413);
      response.problem("payload-too-large");
      assertThat(connection.closedWithin(CLOSE)).isTrue();
    }
  }

  @Test
  void anAcceptableBodyIsAskedForWithContinue() throws Exception {
    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response proceed =
          connection
              .send(
                  "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
                      + "x-agent-principal: ann\r\ncontent-length: 28\r\nexpect: 100-continue\r\n\r\n")
              .read();

      assertThat(proceed.status()).isEqualTo(100);
      assertThat(connection.send(BODY).read().status()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a request line over 4 KiB | 414 | uri-too-long            | /v1/intents?q=LONG | x-a: b
          headers over 8 KiB        | 431 | header-fields-too-large | /v1/intents        | x-a: LONG
          """)
  void oversizedHeadsAreProblemsToo(
      String name, int status, String type, String path, String header) throws Exception {
    String request =
        "GET "
            + path.replace("LONG", "x".repeat(10_000))
            + " HTTP/1.1\r\nhost: localhost\r\n"
            + header.replace("LONG", "x".repeat(10_000))
            + "\r\n\r\n";

    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response response = connection.send(request).read();

      assertThat(response.status()).isEqualTo(status);
      response.problem(type);
      assertThat(connection.closedWithin(CLOSE)).isTrue();
    }
  }

  @Test
  void cleartextHttp2ClientsGetTheSameAnswersWhenConfigured(@TempDir Path dir) throws Exception {
    String config =
        TestRuntime.baseConfig().replace("eventLoops: 2", "eventLoops: 2\n  http2ClearText: true")
            + TestRuntime.ECHO_INTENTS;
    try (TestRuntime h2c =
        TestRuntime.start(dir, config, Map.of("allow.cedar", TestRuntime.ALLOW_ALL), Map.of())) {
      HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(h2c.uri("/dispatch"))
              .header("x-agent-principal", "ann")
              .POST(HttpRequest.BodyPublishers.ofString(BODY));

      HttpResponse<String> allowed =
          http2.send(
              request.copy().header("content-type", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> unsupported =
          http2.send(
              request.copy().header("content-type", "text/plain").build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(unsupported.version()).isEqualTo(HttpClient.Version.HTTP_2);
      ProblemAssert.isProblem(unsupported, "unsupported-media-type");
    }
  }
}
