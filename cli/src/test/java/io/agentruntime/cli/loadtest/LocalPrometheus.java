package io.agentruntime.cli.loadtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's {@code prometheus} binary on a free loopback port, with its own configuration and data
 * in a temporary directory, scraping one target every second. Stopped by its PID.
 */
final class LocalPrometheus implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus");

  private final Process process;
  private final URI url;

  private LocalPrometheus(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  static LocalPrometheus start(Path dir, String target) throws IOException {
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: runtime
            static_configs:
              - targets: ['%s']
        """
            .formatted(target));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    LocalPrometheus prometheus =
        new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port));
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> prometheus.get("/-/ready").statusCode() == 200);
    } catch (RuntimeException e) {
      prometheus.close();
      throw e;
    }
    return prometheus;
  }

  URI url() {
    return url;
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(url + pathAndQuery))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
