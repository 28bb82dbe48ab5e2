package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP connection to a loopback port, written byte for byte: for requests no HTTP client would
 * send (repeated or folded headers, raw UTF-8 values, conflicting framing, odd request lines).
 */
final class RawConnection implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  static RawConnection open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return new RawConnection(socket);
  }

  /** Sends one request on a new connection and reads the answer. */
  static Response exchange(int port, String request) throws IOException {
    try (RawConnection connection = open(port)) {
      connection.send(request);
      return connection.read();
    }
  }

  /** Writes {@code text} as UTF-8, exactly as given. */
  RawConnection send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  RawConnection send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads one response: status line, headers and a body framed by {@code content-length}. */
  Response read() throws IOException {
    String head = readHead();
    String[] lines = head.split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    return new Response(lines[0], status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the server closes the connection within {@code wait}, reading nothing more. */
  boolean closedWithin(Duration wait) throws IOException {
    socket.setSoTimeout((int) wait.toMillis());
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException reset) {
      // Closing with unread request bytes makes the kernel reset the connection: closed too.
      return true;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("connection closed after: " + head);
      }
      head.write(next);
      matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * One answer read off the wire.
   *
   * @param statusLine e.g. {@code HTTP/1.1 400 Bad Request}
   * @param status the status code
   * @param headers header names in lower case
   * @param body the body as UTF-8
   */
  record Response(String statusLine, int status, Map<String, String> headers, String body) {

    /** The problem document, after checking the shape every error answer must have. */
    JsonObject problem(String slug) {
      assertThat(headers.get("content-type")).as(body).isEqualTo("application/problem+json");
      JsonObject problem = new JsonObject(body);
      assertThat(problem.getString("type"))
          .as(body)
          .isEqualTo("https://agentruntime.io/problems/" + slug);
      assertThat(problem.getInteger("status")).isEqualTo(status);
      assertThat(problem.fieldNames()).contains("title", "detail", "instance", "requestId");
      return problem;
    }
  }
}
