package io.agentruntime.runtime.mcp;

import io.agentruntime.contract.config.McpServerConfig.HeaderValue;
import io.agentruntime.contract.config.McpServerHeaders;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headers the gateway adds to every request to one upstream: those written in the
 * configuration, and those read from files, typically a Secret's keys the kubelet mounts. A file is
 * read once at start (a missing or unreadable one stops the start) and read again when it is
 * replaced, so a rotated Secret reaches the upstream without a restart: the kubelet swaps a mounted
 * Secret's files atomically (a new directory behind the {@code ..data} symlink), which changes the
 * file's real path, identity and modification time. The check runs every {@link #CHECK_INTERVAL} on
 * a worker thread, never on an event loop. A failed re-read keeps the last value and is logged
 * once, until a read succeeds again. No value is ever logged.
 */
final class UpstreamHeaders implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHeaders.class);

  /** How often the files are checked for a new version. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

  /** What tells a replaced file from the one read before. */
  private record FileStamp(Path target, Object fileKey, FileTime modified, long size) {

    static FileStamp of(Path file) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileStamp(
          file.toRealPath(),
          attributes.fileKey(),
          attributes.lastModifiedTime(),
          attributes.size());
    }
  }

  /** A header read from a file: its last good value, and whether the last re-read failed. */
  private static final class FileHeader {
    final String name;
    final String field;
    final Path file;
    FileStamp stamp;
    String value;
    boolean failing;

    FileHeader(String name, String field, Path file) {
      this.name = name;
      this.field = field;
      this.file = file;
    }
  }

  private final Vertx vertx;
  private final Map<String, String> literals;
  private final List<FileHeader> files;
  private final long timer;
  private volatile Map<String, String> current;

  private UpstreamHeaders(Vertx vertx, Map<String, String> literals, List<FileHeader> files) {
    this.vertx = vertx;
    this.literals = literals;
    this.files = files;
    this.current = merged();
    this.timer =
        files.isEmpty()
            ? -1
            : vertx.setPeriodic(
                CHECK_INTERVAL.toMillis(), tick -> vertx.executeBlocking(this::reread, true));
  }

  /**
   * Reads every file of {@code headers} now, from the calling thread (a start, not an event loop).
   *
   * @param field the server's configuration key, e.g. {@code mcpServers[0]}, for errors and logs
   * @throws IllegalArgumentException naming {@code <field>.headers.<name>} when a file cannot be
   *     read or does not hold a valid header value
   */
  static UpstreamHeaders open(Vertx vertx, String field, Map<String, HeaderValue> headers) {
    Map<String, String> literals = new LinkedHashMap<>();
    List<FileHeader> files = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          switch (value) {
            case HeaderValue.Literal literal -> literals.put(name, literal.value());
            case HeaderValue.FromFile file -> {
              FileHeader header = new FileHeader(name, field + ".headers." + name, file.file());
              try {
                header.stamp = FileStamp.of(header.file);
                header.value = read(header.file);
              } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(header.field + ": " + reason(header, e), e);
              }
              files.add(header);
            }
          }
        });
    return new UpstreamHeaders(vertx, literals, files);
  }

  /** The headers to send now: the latest value of each. */
  Map<String, String> current() {
    return current;
  }

  /** Re-reads each file that was replaced since it was last read; on a worker thread. */
  private Void reread() {
    boolean changed = false;
    for (FileHeader header : files) {
      try {
        FileStamp stamp = FileStamp.of(header.file);
        if (stamp.equals(header.stamp) && !header.failing) {
          continue;
        }
        String value = read(header.file);
        boolean replaced = !value.equals(header.value);
        header.stamp = stamp;
        header.value = value;
        if (header.failing) {
          header.failing = false;
          LOG.info("{}: {} is readable again", header.field, header.file);
        }
        if (replaced) {
          changed = true;
          LOG.info("{}: a new value was read from {}", header.field, header.file);
        }
      } catch (IOException | IllegalArgumentException e) {
        if (!header.failing) {
          header.failing = true;
          LOG.warn("{}: {}; the value read before is still sent", header.field, reason(header, e));
        }
      }
    }
    if (changed) {
      current = merged();
    }
    return null;
  }

  private Map<String, String> merged() {
    Map<String, String> all = new LinkedHashMap<>(literals);
    files.forEach(header -> all.put(header.name, header.value));
    return Map.copyOf(all);
  }

  /**
   * The file's value: its text without the line breaks that end it, checked as a value written in
   * the configuration is.
   *
   * @throws IllegalArgumentException for a value the configuration would refuse
   */
  private static String read(Path file) throws IOException {
    if (Files.size(file) > McpServerHeaders.MAX_VALUE_LENGTH * 4L + 2) {
      throw new IllegalArgumentException("is longer than " + McpServerHeaders.MAX_VALUE_LENGTH);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    String value = text.substring(0, end);
    McpServerHeaders.valueProblem(value)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return value;
  }

  /** Why {@code header}'s file could not be used, without its content. */
  private static String reason(FileHeader header, Exception e) {
    if (e instanceof IOException) {
      return "cannot read " + header.file + " (" + e.getClass().getSimpleName() + ")";
    }
    return "the value in " + header.file + " " + e.getMessage();
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
