package io.agentruntime.cli.loadtest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code loadtest}'s request options: what every request sends, where, and how it is read. */
final class TargetOptions {
  /** The original load test's request: an intent open to every caller, in local mode. */
  static final String ORIGINAL_BODY =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}";

  /** The question the default streamed requests ask; {@code echo} streams it back in pieces. */
  static final String PROMPT = "Where is order 42?";

  @Option(
      names = "--api",
      paramLabel = "API",
      defaultValue = "dispatch",
      description =
          "dispatch (POST /dispatch) or chat (POST /v1/chat/completions, needs --model unless"
              + " --body is given); default: ${DEFAULT-VALUE}")
  private TargetApi api;

  @Option(
      names = "--stream",
      description =
          "stream every answer (dispatch: Accept: text/event-stream; chat: \"stream\": true) and"
              + " report time to first piece and pieces per second")
  private boolean stream;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "--api chat: the model of the default request body")
  private String model;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "where to send; default: http://127.0.0.1:8080/dispatch, or /v1/chat/completions with"
              + " --api chat")
  private String url;

  @Option(
      names = {"-X", "--method"},
      paramLabel = "METHOD",
      defaultValue = "POST",
      description = "HTTP method; default: ${DEFAULT-VALUE}")
  private String method;

  @Option(
      names = "--body",
      paramLabel = "TEXT",
      description = "request body; default: the original load test's call_reasoning request")
  private String body;

  @Option(
      names = "--body-file",
      paramLabel = "FILE",
      description = "read the request body from FILE")
  private Path bodyFile;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "a request header, repeatable; Content-Type defaults to application/json")
  private List<String> headers = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "a request unanswered after this counts as a timeout; default: ${DEFAULT-VALUE}")
  private Duration timeout;

  LoadTarget toTarget(CommandLine commandLine) {
    if (!method.matches("[A-Za-z]+")) {
      throw new ParameterException(commandLine, "--method '" + method + "' is not an HTTP method");
    }
    List<Map.Entry<String, String>> parsed = new ArrayList<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon < 1) {
        throw new ParameterException(
            commandLine, "-H '" + header + "' is not a header: use 'Name: value'");
      }
      parsed.add(Map.entry(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
    }
    addDefault(parsed, "Content-Type", "application/json");
    if (stream && api == TargetApi.DISPATCH) {
      addDefault(parsed, "Accept", "text/event-stream");
    }
    return new LoadTarget(
        uri(commandLine),
        method.toUpperCase(Locale.ROOT),
        body(commandLine),
        parsed,
        timeout,
        api,
        stream);
  }

  private static void addDefault(
      List<Map.Entry<String, String>> headers, String name, String value) {
    if (headers.stream().noneMatch(header -> header.getKey().equalsIgnoreCase(name))) {
      headers.add(Map.entry(name, value));
    }
  }

  private URI uri(CommandLine commandLine) {
    String url = this.url == null ? api.defaultUrl() : this.url;
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "expected http://host[:port]/path or https://...");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ParameterException(commandLine, "--url '" + url + "': " + e.getMessage());
    }
  }

  private byte[] body(CommandLine commandLine) {
    if (body != null && bodyFile != null) {
      throw new ParameterException(commandLine, "--body and --body-file exclude each other");
    }
    if (model != null && api != TargetApi.CHAT) {
      throw new ParameterException(commandLine, "--model goes with --api chat");
    }
    String given = body != null ? body : bodyFile != null ? read(commandLine) : null;
    if (api == TargetApi.DISPATCH) {
      return (given != null ? given : stream ? streamedDispatch() : ORIGINAL_BODY)
          .getBytes(StandardCharsets.UTF_8);
    }
    if (given == null && model == null) {
      throw new ParameterException(
          commandLine, "--api chat needs --model (or a request body with --body or --body-file)");
    }
    return chatBody(commandLine, given).put("stream", stream).toBuffer().getBytes();
  }

  /** The original request with a prompt, which {@code echo} streams back in four pieces. */
  private static String streamedDispatch() {
    return new JsonObject(ORIGINAL_BODY)
        .put("input", new JsonObject().put("prompt", PROMPT))
        .encode();
  }

  /**
   * The given chat request, or one user message to {@code --model}; {@code stream} is set apart.
   */
  private JsonObject chatBody(CommandLine commandLine, String given) {
    if (given == null) {
      return new JsonObject()
          .put("model", model)
          .put("user", "test")
          .put(
              "messages",
              new JsonArray().add(new JsonObject().put("role", "user").put("content", PROMPT)));
    }
    try {
      JsonObject request = new JsonObject(given);
      return model == null ? request : request.put("model", model);
    } catch (DecodeException e) {
      throw new ParameterException(
          commandLine, "--api chat: the request body is not a JSON object: " + e.getMessage());
    }
  }

  private String read(CommandLine commandLine) {
    try {
      return Files.readString(bodyFile);
    } catch (IOException e) {
      throw new ParameterException(
          commandLine, "--body-file '" + bodyFile + "' cannot be read: " + e.getMessage());
    }
  }
}
