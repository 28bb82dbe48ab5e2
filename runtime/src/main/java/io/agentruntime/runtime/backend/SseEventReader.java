package io.agentruntime.runtime.backend;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads Server-Sent Events line by line (the {@code text/event-stream} format of the WHATWG HTML
 * standard): {@code event:} names an event, {@code data:} lines are joined with a newline, a blank
 * line dispatches it; comments ({@code :}) and other fields are skipped.
 */
final class SseEventReader {

  static final String DEFAULT_EVENT = "message";

  private final BiConsumer<String, String> events;
  private final StringBuilder data = new StringBuilder();
  private String event = DEFAULT_EVENT;
  private boolean hasData;

  /**
   * @param events receives each event's name and data
   */
  SseEventReader(BiConsumer<String, String> events) {
    this.events = events;
  }

  /** One line, without its {@code \n} (a trailing {@code \r} is dropped). */
  void line(Buffer line) {
    String text = line.toString(StandardCharsets.UTF_8);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      dispatch();
      return;
    }
    if (text.startsWith(":")) {
      return;
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> event = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      default -> {}
    }
  }

  /** The end of the stream dispatches an event whose blank line never came. */
  void end() {
    dispatch();
  }

  private void dispatch() {
    if (hasData) {
      events.accept(event, data.toString());
    }
    data.setLength(0);
    hasData = false;
    event = DEFAULT_EVENT;
  }
}
