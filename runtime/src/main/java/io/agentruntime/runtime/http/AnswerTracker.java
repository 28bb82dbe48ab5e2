package io.agentruntime.runtime.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Tells the {@link StrictRequestDecoder} when an answer has been written completely, so that the
 * header timeout of a request waiting behind it starts only then. Sits between the connection's
 * handler and the HTTP encoder, where answers are still messages rather than bytes.
 */
final class AnswerTracker extends ChannelOutboundHandlerAdapter {

  private final StrictRequestDecoder decoder;

  AnswerTracker(StrictRequestDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
    // A 100 Continue or 103 Early Hints is a complete message too, but not the answer.
    boolean last =
        message instanceof LastHttpContent
            && !(message instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
    ctx.write(message, promise);
    if (last) {
      decoder.answered();
    }
  }
}
