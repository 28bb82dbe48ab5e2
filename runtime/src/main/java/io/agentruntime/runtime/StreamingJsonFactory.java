package io.agentruntime.runtime;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec in this process: Jackson's streaming parser and generator, with the compact
 * encoding of plain JSON values to a buffer done by {@link JsonBytes}. With jackson-databind on the
 * class path (the configuration and Cedar need it) Vert.x would otherwise encode and decode every
 * {@code JsonObject} through the data-binding layer, which looks up a serializer for each member.
 * The runtime's JSON objects hold JSON values only (maps, lists, strings, numbers, booleans), which
 * need no binding; every answer encodes one, and a streamed chat completion decodes and encodes one
 * per chunk. Registered in {@code META-INF/services/io.vertx.core.spi.JsonFactory}.
 */
public final class StreamingJsonFactory implements JsonFactory {

  private static final JsonCodec CODEC = new Codec();

  /** Before the default factory, whose order is the largest. */
  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }

  /** Jackson's codec, but for compact buffers of the values {@link JsonBytes} writes. */
  static final class Codec extends JacksonCodec {

    /** Room for a typical answer; the buffer grows past it. */
    private static final int INITIAL_CAPACITY = 512;

    @Override
    public Buffer toBuffer(Object object, boolean pretty) {
      if (!pretty) {
        ByteBuf out = Unpooled.buffer(INITIAL_CAPACITY);
        if (JsonBytes.write(object, out)) {
          return BufferInternal.buffer(out);
        }
      }
      return super.toBuffer(object, pretty);
    }
  }
}
