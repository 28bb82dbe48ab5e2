package io.agentruntime.runtime;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A caller reading server-sent events as they arrive, each stamped with its arrival time. */
final class SseClient {

  /** One event: its name ({@code message} when unnamed), its data and when it arrived. */
  record Event(String name, String data, long arrivedNanos) {
    JsonObject json() {
      return new JsonObject(data);
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SseClient() {}

  /** POSTs {@code json} with {@code accept: text/event-stream}; the body is read lazily. */
  static HttpResponse<Stream<String>> post(URI uri, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("content-type", "application/json")
            .header("accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines());
  }

  /** Every event of {@code lines}, read to the end of the stream. */
  static List<Event> events(Stream<String> lines) {
    List<Event> events = new ArrayList<>();
    Iterator<String> reader = lines.iterator();
    String name = "message";
    StringBuilder data = null;
    while (reader.hasNext()) {
      String line = reader.next();
      if (line.isEmpty()) {
        if (data != null) {
          events.add(new Event(name, data.toString(), System.nanoTime()));
        }
        name = "message";
        data = null;
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = data == null ? new StringBuilder() : data.append('\n');
        data.append(line.substring(6));
      }
    }
    return events;
  }

  /** The names of {@code events}, in order. */
  static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }
}
