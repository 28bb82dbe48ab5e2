package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.StreamingResponders;
import io.agentruntime.runtime.testing.StreamingResponders.Progress;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed answer never runs ahead of its caller: a caller that stops reading stops the backend
 * (what the backend manages to write stays bounded while it would write forever), and a caller that
 * leaves cancels the backend call within a second.
 */
class StreamBackpressureTest {

  /**
   * What may be in flight for one stalled stream: the caller's and the runtime's socket buffers on
   * both connections (loopback autotuning grows each to a few MiB), the response's write queue and
   * one network read. Without backpressure the backend writes hundreds of MiB in the same time.
   */
  private static final long IN_FLIGHT_BOUND = 16L << 20;

  @TempDir Path dir;

  @Test
  void aStalledReaderPausesTheBackendAndMemoryStaysBounded() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(StreamingResponders.endless(16 * 1024, progress));
        TestRuntime runtime = start(model);
        Socket caller = new Socket()) {
      caller.setReceiveBufferSize(4096);
      caller.connect(new InetSocketAddress("127.0.0.1", runtime.port()));
      caller.getOutputStream().write(request(StreamedDispatchTest.BODY));

      long plateau = awaitPlateau(progress);

      System.out.printf("stalled reader: the backend wrote %d KiB, then waited%n", plateau >> 10);
      assertThat(plateau).isGreaterThan(64 << 10).isLessThan(IN_FLIGHT_BOUND);

      caller.close();
      await()
          .atMost(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(progress.closedNanos()).isPositive());
    }
  }

  @Test
  void aCallerThatLeavesCancelsTheBackendCallWithinASecond() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(
                StreamingResponders.openAiChunks(
                    Collections.nCopies(50, "word "), Duration.ofMillis(200), progress));
        TestRuntime runtime =
            TestRuntime.start(
                dir,
                StreamedDispatchTest.openAi(model, "timeout: 30s"),
                Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
        Socket caller = new Socket("127.0.0.1", runtime.port())) {
      caller.getOutputStream().write(request(StreamedDispatchTest.BODY));
      readUntil(caller.getInputStream(), "event: piece");

      caller.close();
      long left = System.nanoTime();

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(progress.closedNanos()).isPositive());
      Duration cancelled = Duration.ofNanos(progress.closedNanos() - left);
      System.out.printf(
          "the backend saw its caller leave %d ms after it left%n", cancelled.toMillis());
      assertThat(cancelled).isLessThan(Duration.ofSeconds(1));
    }
  }

  private TestRuntime start(LoopbackServer model) throws Exception {
    return TestRuntime.start(
        dir,
        StreamedDispatchTest.http(model, "timeout: 60s\n    idleTimeout: 60s"),
        Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }

  /** Waits until the backend has written nothing more for half a second; its total then. */
  private static long awaitPlateau(Progress progress) {
    AtomicLong seen = new AtomicLong(-1);
    AtomicLong since = new AtomicLong(System.nanoTime());
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              long now = progress.bytes();
              if (now != seen.getAndSet(now)) {
                since.set(System.nanoTime());
                return false;
              }
              return now > 0 && System.nanoTime() - since.get() > Duration.ofMillis(500).toNanos();
            });
    return seen.get();
  }

  static byte[] request(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return ("POST /dispatch HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
            + "accept: text/event-stream\r\ncontent-length: "
            + bytes.length
            + "\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  static void readUntil(InputStream in, String marker) throws Exception {
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[1024];
    while (seen.indexOf(marker) < 0) {
      int read = in.read(buffer);
      if (read < 0) {
        throw new AssertionError("the stream ended before '" + marker + "': " + seen);
      }
      seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
  }
}
