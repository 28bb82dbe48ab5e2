package io.agentruntime.cli.loadtest;

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

/** {@code loadtest}'s request options: what every request sends, and where. */
final class TargetOptions {
  /** The original load test's request: an intent open to every caller, in local mode. */
  static final String ORIGINAL_BODY =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}";

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080/dispatch",
      description = "where to send; default: ${DEFAULT-VALUE}")
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
    if (parsed.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("content-type"))) {
      parsed.add(Map.entry("Content-Type", "application/json"));
    }
    return new LoadTarget(
        uri(commandLine), method.toUpperCase(Locale.ROOT), body(commandLine), parsed, timeout);
  }

  private URI uri(CommandLine commandLine) {
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
    if (bodyFile == null) {
      return (body == null ? ORIGINAL_BODY : body).getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(bodyFile);
    } catch (IOException e) {
      throw new ParameterException(
          commandLine, "--body-file '" + bodyFile + "' cannot be read: " + e.getMessage());
    }
  }
}
