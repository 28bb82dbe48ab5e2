package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.http.Problems;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.RefusedPort;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A backend's URL may carry credentials and its answers anything: a failing backend's 502 or 503
 * tells the caller which intent failed and how, and only the runtime's log says more.
 */
class BackendDetailLeakTest {

  private static final String SECRET_BODY = "password=hunter2";
  private static final String BODY = "{\"intent\": \"%s\", \"context\": {\"user_id\": \"ann\"}}";

  @TempDir static Path dir;
  private static Vertx vertx;
  private static LoopbackServer failing;
  private static LoopbackServer notJson;
  private static RefusedPort closed;
  private static TestRuntime runtime;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    failing = LoopbackServer.start(vertx, Responders.answering(500, SECRET_BODY));
    notJson = LoopbackServer.start(vertx, Responders.answering(200, SECRET_BODY));
    closed = RefusedPort.reserve();
    String intents =
        """
        intents:
          - name: call_reasoning
            backend: {type: echo}
          - name: failing
            timeout: 5s
            backend: {type: http, url: "%s"}
          - name: not_json
            timeout: 5s
            backend: {type: http, url: "%s"}
          - name: unreachable
            timeout: 5s
            backend: {type: http, url: "http://user:password@127.0.0.1:%d/tool"}
        """
            .formatted(withCredentials(failing), withCredentials(notJson), closed.port());
    runtime =
        TestRuntime.start(
            Files.createDirectories(dir.resolve("runtime")),
            TestRuntime.baseConfig() + intents,
            Map.of("allow.cedar", TestRuntime.ALLOW_ALL),
            Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
    failing.close();
    notJson.close();
    vertx.close().await(10, TimeUnit.SECONDS);
    closed.close();
  }

  @BeforeEach
  void captureTheLog() {
    log.start();
    problemsLogger().addAppender(log);
  }

  @AfterEach
  void stillServes() throws Exception {
    problemsLogger().detachAppender(log);
    runtime.assertStillServes();
  }

  @Test
  void anErrorAnswerIsNotEchoed() throws Exception {
    JsonObject problem = dispatch("failing", 502, "backend-error");

    assertThat(problem.getString("detail"))
        .isEqualTo("the backend of intent 'failing' answered HTTP 500");
    assertLoggedWithoutThePassword(problem, failing);
  }

  @Test
  void aBodyThatIsNotJsonIsNotEchoed() throws Exception {
    JsonObject problem = dispatch("not_json", 502, "backend-error");

    assertThat(problem.getString("detail")).contains("'not_json'", "not JSON");
    assertLoggedWithoutThePassword(problem, notJson);
  }

  @Test
  void anUnreachableUrlIsNotEchoed() throws Exception {
    JsonObject problem = dispatch("unreachable", 503, "backend-unavailable");

    assertThat(problem.getString("detail"))
        .isEqualTo("the backend of intent 'unreachable' is not reachable; nothing was sent");
    assertThat(loggedLines())
        .singleElement()
        .asString()
        .contains(problem.getString("requestId"), "user:***@127.0.0.1:" + closed.port())
        .doesNotContain("password");
  }

  private JsonObject dispatch(String intent, int status, String type) throws Exception {
    HttpResponse<String> response = runtime.post("/dispatch", BODY.formatted(intent));

    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject problem = ProblemAssert.isProblem(response, type);
    assertThat(response.body())
        .doesNotContain("password", "hunter2", "user:", "127.0.0.1", "/tool");
    return problem;
  }

  private void assertLoggedWithoutThePassword(JsonObject problem, LoopbackServer backend) {
    String masked = withCredentials(backend).replace("user:password@", "user:***@");
    assertThat(loggedLines())
        .singleElement()
        .asString()
        .contains(problem.getString("requestId"), masked, SECRET_BODY)
        .doesNotContain("user:password@");
  }

  private java.util.List<String> loggedLines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static String withCredentials(LoopbackServer backend) {
    return backend.url("/tool").toString().replace("http://", "http://user:password@");
  }

  private static Logger problemsLogger() {
    return (Logger) LoggerFactory.getLogger(Problems.class);
  }
}
