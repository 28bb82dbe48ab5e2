package io.agentruntime.runtime;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec in this process: Jackson's streaming parser and generator. With
 * jackson-databind on the class path (the configuration and Cedar need it) Vert.x would otherwise
 * encode and decode every {@code JsonObject} through the data-binding layer, which looks up a
 * serializer for each member. The runtime's JSON objects hold JSON values only (maps, lists,
 * strings, numbers, booleans), which need no binding; a streamed chat completion decodes and
 * encodes one per chunk. Registered in {@code META-INF/services/io.vertx.core.spi.JsonFactory}.
 */
public final class StreamingJsonFactory implements JsonFactory {

  private static final JacksonCodec CODEC = new JacksonCodec();

  /** Before the default factory, whose order is the largest. */
  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
