package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.util.Optional;

/**
 * A streamed answer of a remote backend: a POST asking for {@code text/event-stream}, its events
 * read line by line as they arrive and decoded by the backend type's {@link PieceDecoder}.
 *
 * <p>Reading stops while the stream is paused: the line parser stops asking the connection for
 * more, so the backend's bytes wait in the TCP buffers and the backend's own writes block, and this
 * stream holds at most one network read plus one line (bounded by {@code maxResponseSize}). A
 * backend that answers JSON instead is read whole (bounded the same way) and becomes its pieces.
 * The call holds a slot of the backend's bulkhead until it ends, fails or is cancelled.
 */
final class HttpPieceStream implements PieceStream, PieceDecoder.Sink {

  static final String EVENT_STREAM = "text/event-stream";

  private final BackendHttpClient client;
  private final URI url;
  private final BackendCall call;
  private final JsonObject body;
  private final PieceDecoder decoder;
  private final BackendFailures failures;
  private PieceListener listener;
  private HttpClientRequest request;
  private RecordParser lines;
  private Optional<TokenUsage> usage = Optional.empty();
  private String finishReason;
  private boolean paused;
  private boolean over;
  private boolean holdsSlot;

  HttpPieceStream(
      BackendHttpClient client, URI url, BackendCall call, JsonObject body, PieceDecoder decoder) {
    this.client = client;
    this.url = url;
    this.call = call;
    this.body = body;
    this.decoder = decoder;
    this.failures = client.failures(url);
  }

  @Override
  public void start(PieceListener listener) {
    this.listener = listener;
    if (!client.bulkhead().tryAcquire()) {
      over = true;
      listener.fail(failures.saturated(client.bulkhead()));
      return;
    }
    holdsSlot = true;
    Future<HttpClientRequest> opened;
    try {
      opened = client.open(url, call, EVENT_STREAM);
    } catch (IllegalStateException closed) {
      fail(client.describe(failures, closed));
      return;
    }
    opened
        .compose(
            sent -> {
              request = sent;
              if (over) {
                sent.reset();
                return Future.failedFuture(new IllegalStateException("cancelled"));
              }
              return sent.send(body.toBuffer());
            })
        .onSuccess(this::answered)
        .onFailure(
            failure ->
                fail(
                    request == null && BackendHttpClient.isUnreachable(failure)
                        ? failures.unreachable(failure)
                        : client.describe(failures, failure)));
  }

  private void answered(HttpClientResponse response) {
    if (over) {
      return;
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      readWhole(response).onSuccess(answer -> fail(failures.status(status, answer)));
      return;
    }
    String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.toLowerCase().startsWith(EVENT_STREAM)) {
      readEvents(response);
      return;
    }
    readWhole(response)
        .onSuccess(
            answer -> {
              try {
                decoder.whole(new JsonObject(answer), this);
                end();
              } catch (DecodeException | ClassCastException e) {
                fail(failures.notJson(answer, e));
              } catch (BackendException e) {
                fail(e);
              }
            });
  }

  private Future<Buffer> readWhole(HttpClientResponse response) {
    return BoundedBody.read(request, response, client.maxResponseSize(), failures)
        .onFailure(failure -> fail(client.describe(failures, failure)));
  }

  private void readEvents(HttpClientResponse response) {
    SseEventReader events = new SseEventReader(this::event);
    lines = RecordParser.newDelimited("\n", response);
    lines.maxRecordSize((int) Math.min(Integer.MAX_VALUE, client.maxResponseSize()));
    lines.exceptionHandler(
        failure ->
            fail(
                failure instanceof IllegalStateException
                    ? failures.tooLarge(client.maxResponseSize())
                    : client.describe(failures, failure)));
    lines.endHandler(
        ended -> {
          if (!over) {
            events.end();
            end();
          }
        });
    lines.handler(
        line -> {
          if (!over) {
            events.line(line);
          }
        });
    if (paused) {
      lines.pause();
    }
  }

  private void event(String name, String data) {
    try {
      decoder.event(name, data, this);
    } catch (BackendException e) {
      fail(e);
    }
  }

  @Override
  public void accept(JsonObject piece) {
    if (!over) {
      listener.piece(piece);
    }
  }

  @Override
  public void usage(TokenUsage reported) {
    usage = Optional.of(reported);
  }

  @Override
  public void finishReason(String reason) {
    finishReason = reason;
  }

  private void end() {
    if (!over) {
      over = true;
      releaseSlot();
      listener.end(finishReason);
    }
  }

  private void fail(Throwable failure) {
    if (!over) {
      over = true;
      resetIfSent();
      releaseSlot();
      listener.fail(failure);
    }
  }

  @Override
  public void pause() {
    paused = true;
    if (lines != null) {
      lines.pause();
    }
  }

  @Override
  public void resume() {
    paused = false;
    if (lines != null && !over) {
      lines.resume();
    }
  }

  @Override
  public void cancel() {
    if (!over) {
      over = true;
      resetIfSent();
      releaseSlot();
    }
  }

  private void resetIfSent() {
    if (request != null) {
      // an HTTP/1.1 reset closes the connection: the backend sees its caller leave
      request.reset();
    }
  }

  private void releaseSlot() {
    if (holdsSlot) {
      holdsSlot = false;
      client.bulkhead().release();
    }
  }

  @Override
  public Optional<TokenUsage> reportedUsage() {
    return usage;
  }
}
