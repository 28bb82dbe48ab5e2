package io.agentruntime.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.governance.DecisionLog;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The decision log's lines of long-running dispatches written in this JVM (by API runtimes and
 * workers alike) during one test: {@code @RegisterExtension final AsyncDecisionLines decisions =
 * new AsyncDecisionLines()} listens from the test instance's creation to the test's end.
 */
final class AsyncDecisionLines implements AfterEachCallback {

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  AsyncDecisionLines() {
    lines.start();
    logger().addAppender(lines);
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
  }

  /** The lines of the dispatch at {@code location}, in order. */
  List<JsonObject> of(String location) {
    String id = location.substring(location.lastIndexOf('/') + 1);
    synchronized (lines.list) {
      return lines.list.stream()
          .map(event -> new JsonObject(event.getFormattedMessage()))
          .filter(line -> id.equals(line.getString("dispatchId")))
          .toList();
    }
  }

  /** What each line of the dispatch at {@code location} says happened: queued, then its end. */
  List<String> events(String location) {
    return of(location).stream().map(line -> line.getString("async")).toList();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger().detachAppender(lines);
  }
}
