package io.agentruntime.runtime.mcp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a server-sent event stream into its events as the chunks arrive, keeping each event's bytes
 * so it can be relayed exactly as sent. Events end at a blank line ({@code \n\n} or {@code
 * \r\n\r\n}); an event longer than the bound fails the stream rather than growing without end.
 */
final class SseEvents {

  /**
   * One event: its bytes as sent and the text of its {@code data} lines.
   *
   * @param raw the event, its closing blank line included
   * @param data the {@code data} lines joined by {@code \n}; empty for comments and keep-alives
   */
  record Event(Buffer raw, String data) {

    /** The event with {@code data} replaced, its other fields ({@code id}, {@code event}) kept. */
    Event withData(String newData) {
      StringBuilder out = new StringBuilder();
      for (String line : raw.toString(StandardCharsets.UTF_8).split("\r\n|\n")) {
        if (!line.isEmpty() && !line.startsWith("data:") && !line.startsWith("data ")) {
          out.append(line).append('\n');
        }
      }
      out.append("data: ").append(newData).append("\n\n");
      return new Event(Buffer.buffer(out.toString()), newData);
    }

    /** A new {@code message} event carrying {@code data}. */
    static Event message(String data) {
      return new Event(Buffer.buffer("event: message\ndata: " + data + "\n\n"), data);
    }
  }

  private final long maxEventBytes;
  private Buffer pending = Buffer.buffer();

  SseEvents(long maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * The events {@code chunk} completes.
   *
   * @throws McpException when an event outgrows the bound
   */
  List<Event> feed(Buffer chunk) {
    pending.appendBuffer(chunk);
    List<Event> events = new ArrayList<>(1);
    int start = 0;
    int end;
    while ((end = eventEnd(pending, start)) > 0) {
      Buffer raw = pending.getBuffer(start, end);
      events.add(new Event(raw, data(raw)));
      start = end;
    }
    pending = pending.getBuffer(start, pending.length());
    if (pending.length() > maxEventBytes) {
      throw new McpException(
          JsonRpcError.UPSTREAM_FAILED,
          "the upstream sent an event larger than " + maxEventBytes + " bytes");
    }
    return events;
  }

  /** The offset just past the blank line ending the event that starts at {@code start}, or -1. */
  private static int eventEnd(Buffer buffer, int start) {
    for (int i = start; i < buffer.length() - 1; i++) {
      if (buffer.getByte(i) != '\n') {
        continue;
      }
      byte next = buffer.getByte(i + 1);
      if (next == '\n') {
        return i + 2;
      }
      if (next == '\r' && i + 2 < buffer.length() && buffer.getByte(i + 2) == '\n') {
        return i + 3;
      }
    }
    return -1;
  }

  private static String data(Buffer raw) {
    StringBuilder data = new StringBuilder();
    boolean first = true;
    for (String line : raw.toString(StandardCharsets.UTF_8).split("\r\n|\n")) {
      if (line.startsWith("data:")) {
        String value = line.substring(5);
        if (!first) {
          data.append('\n');
        }
        data.append(value.startsWith(" ") ? value.substring(1) : value);
        first = false;
      }
    }
    return data.toString();
  }
}
