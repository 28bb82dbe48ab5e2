package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class StreamingJsonFactoryTest {

  @Test
  void vertxEncodesAndDecodesWithJacksonsStreamingCodecNotDataBinding() {
    assertThat(Json.CODEC).isExactlyInstanceOf(StreamingJsonFactory.Codec.class);
  }

  @Test
  void everyJsonValueKindSurvivesARoundTrip() {
    JsonObject chunk =
        new JsonObject()
            .put("id", "chatcmpl-1")
            .put("created", 1_733_356_800L)
            .put("choices", new JsonArray().add(new JsonObject().put("delta", new JsonObject())))
            .put("temperature", 0.25)
            .put("stream", true)
            .putNull("logprobs");

    assertThat(new JsonObject(chunk.toBuffer())).isEqualTo(chunk);
    assertThat(chunk.encode()).contains("\"logprobs\":null");
  }
}
