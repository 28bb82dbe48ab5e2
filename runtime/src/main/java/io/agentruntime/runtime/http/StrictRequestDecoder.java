package io.agentruntime.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's HTTP/1.x request decoder, refusing what the HTTP specification lets a server refuse and
 * what proxies in front of the runtime may read differently (request smuggling, header injection):
 *
 * <ul>
 *   <li>obs-fold: a header line starting with a space or tab continues the previous one; Netty
 *       joins the two silently, a proxy may not. Detected on the raw bytes of each request head.
 *   <li>{@code Content-Length} beside {@code Transfer-Encoding}, and any transfer coding other than
 *       a single {@code chunked}: Netty drops the length and reads chunks, a proxy may read the
 *       length.
 *   <li>a version other than HTTP/1.0 and HTTP/1.1, e.g. a text {@code HTTP/2.0} request line.
 * </ul>
 *
 * A refused request reaches the server's invalid-request handler ({@link MalformedRequests}), which
 * answers with a problem document and closes the connection; nothing after it is decoded.
 *
 * <p>It also bounds the time a head may take ({@code server.headerTimeout}): from the connection's
 * opening, and from the first byte of each later head, the head must be complete within the timeout
 * or the connection is closed. Idle keep-alive connections between requests are left to {@code
 * server.idleTimeout}; a head that waits behind a request still being answered is timed only once
 * that answer is sent. A client trickling one header byte at a time, or opening connections and
 * never writing, can therefore hold a connection for one timeout at most.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  /** Whether the bytes ahead of the reader begin a request head not yet fully decoded. */
  private boolean inHead = true;

  private boolean requestLineSeen;
  private boolean folded;
  private boolean rejected;

  private final long headerTimeoutNanos;
  private ChannelHandlerContext context;
  private ScheduledFuture<?> headerDeadline;

  /** Requests decoded whose answers have not been written completely yet. */
  private int unanswered;

  StrictRequestDecoder(HttpServerOptions options, Duration headerTimeout) {
    super(options);
    this.headerTimeoutNanos = headerTimeout.toNanos();
  }

  /** Added to a fresh connection: its first head is due within the timeout. */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    super.handlerAdded(ctx);
    context = ctx;
    startHeaderDeadline();
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
    cancelHeaderDeadline();
    super.handlerRemoved0(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelHeaderDeadline();
    super.channelInactive(ctx);
  }

  /** One answer was written completely: a head waiting behind it is timed from now. */
  void answered() {
    unanswered = Math.max(0, unanswered - 1);
    if (inHead && unanswered == 0 && actualReadableBytes() > 0) {
      startHeaderDeadline();
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
      throws Exception {
    if (rejected) {
      buffer.skipBytes(buffer.readableBytes());
      return;
    }
    boolean headArriving = inHead && unanswered == 0 && buffer.isReadable();
    if (inHead) {
      scanHead(buffer);
    }
    int decoded = out.size();
    super.decode(ctx, buffer, out);
    boolean headDecoded = false;
    for (int i = decoded; i < out.size(); i++) {
      Object message = out.get(i);
      if (message instanceof HttpRequest request) {
        inHead = false;
        headDecoded = true;
        unanswered++;
        cancelHeaderDeadline();
        if (!accept(request)) {
          out.subList(i + 1, out.size()).clear();
          buffer.skipBytes(buffer.readableBytes());
          return;
        }
      }
      if (message instanceof LastHttpContent) {
        inHead = true;
        requestLineSeen = false;
        folded = false;
      }
    }
    // Timed only when a head is still incomplete after this read: a head that arrives whole, as
    // nearly all do, costs no timer.
    if (headArriving && !headDecoded) {
      startHeaderDeadline();
    }
  }

  private void startHeaderDeadline() {
    if (headerDeadline == null && context != null) {
      headerDeadline =
          context
              .executor()
              .schedule(() -> closeSlowConnection(), headerTimeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** The head did not arrive in time: nothing was answered, so nothing is lost by closing. */
  private void closeSlowConnection() {
    headerDeadline = null;
    context.close();
  }

  private void cancelHeaderDeadline() {
    if (headerDeadline != null) {
      headerDeadline.cancel(false);
      headerDeadline = null;
    }
  }

  /**
   * Looks at the complete lines ahead of the reader: the parent decoder consumes every complete
   * line of a head in the same call, so each line is looked at once.
   */
  private void scanHead(ByteBuf buffer) {
    int index = buffer.readerIndex();
    int end = buffer.writerIndex();
    while (index < end) {
      int lineFeed = buffer.indexOf(index, end, (byte) '\n');
      if (lineFeed < 0) {
        return;
      }
      boolean blank = lineFeed == index || (lineFeed == index + 1 && buffer.getByte(index) == '\r');
      if (requestLineSeen && blank) {
        return;
      }
      if (requestLineSeen) {
        byte first = buffer.getByte(index);
        folded |= first == ' ' || first == '\t';
      } else if (!blank) {
        requestLineSeen = true;
      }
      index = lineFeed + 1;
    }
  }

  /** Checks a decoded head; a refused one is marked failed for the invalid-request handler. */
  private boolean accept(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      rejected = true;
      return false;
    }
    String refusal = refusal(request);
    if (refusal == null) {
      return true;
    }
    rejected = true;
    if (!isSupported(request.protocolVersion())) {
      // Answer in a version the client can read; the refusal names the one it sent.
      request.setProtocolVersion(HttpVersion.HTTP_1_1);
      request.setDecoderResult(DecoderResult.failure(new UnsupportedVersionException(refusal)));
    } else {
      request.setDecoderResult(DecoderResult.failure(new MalformedRequestException(refusal)));
    }
    return false;
  }

  private String refusal(HttpRequest request) {
    if (!isSupported(request.protocolVersion())) {
      return "HTTP version " + request.protocolVersion().text() + " is not supported";
    }
    if (folded) {
      return "a header line starts with a space or tab (obs-fold line folding)";
    }
    List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (!codings.isEmpty()
        && (codings.size() > 1 || !codings.getFirst().trim().equalsIgnoreCase("chunked"))) {
      return "Transfer-Encoding must be chunked alone";
    }
    if (!codings.isEmpty() && request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      return "Content-Length and Transfer-Encoding together";
    }
    return null;
  }

  /** Netty drops the length and reads chunks; a proxy in front may have read the length. */
  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    throw new MalformedRequestException("Content-Length and Transfer-Encoding together");
  }

  private static boolean isSupported(HttpVersion version) {
    return version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0;
  }

  /** A request head the runtime refuses to interpret: answered 400, connection closed. */
  static final class MalformedRequestException extends IllegalArgumentException {
    MalformedRequestException(String message) {
      super(message);
    }
  }

  /** A request line naming a version other than HTTP/1.0 or 1.1: answered 505. */
  static final class UnsupportedVersionException extends IllegalArgumentException {
    UnsupportedVersionException(String message) {
      super(message);
    }
  }
}
