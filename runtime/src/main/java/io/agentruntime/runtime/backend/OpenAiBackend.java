package io.agentruntime.runtime.backend;

import io.agentruntime.contract.config.BackendConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * An OpenAI-compatible model server (vLLM, ...): the dispatch input becomes a chat completion
 * request to {@code <url>/v1/chat/completions}, the first choice becomes the result.
 */
public final class OpenAiBackend implements Backend {

  private final BackendHttpClient client;
  private final URI completionsUrl;
  private final ChatCompletionMapping mapping;

  OpenAiBackend(BackendHttpClient client, BackendConfig.OpenAi config) {
    this.client = client;
    this.completionsUrl = completionsUrl(config.url());
    this.mapping = new ChatCompletionMapping(config.model(), config.maxTokens());
  }

  private static URI completionsUrl(URI serverUrl) {
    String root = serverUrl.toString();
    String trimmed = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    return URI.create(trimmed + "/v1/chat/completions");
  }

  @Override
  public Future<JsonObject> invoke(BackendCall call) {
    JsonObject request;
    try {
      request = mapping.request(call.input());
    } catch (BackendException e) {
      return Future.failedFuture(e);
    }
    return client
        .post(completionsUrl, call, request)
        .map(response -> mapping.result(client.failures(completionsUrl), response));
  }

  /**
   * The chat completion request with {@code stream: true} and {@code stream_options.include_usage},
   * so that the model server reports the usage in its last chunk.
   */
  @Override
  public PieceStream stream(BackendCall call) {
    JsonObject request;
    try {
      request =
          mapping
              .request(call.input())
              .put("stream", true)
              .put("stream_options", new JsonObject().put("include_usage", true));
    } catch (BackendException e) {
      return new WholeAnswer(Future.failedFuture(e));
    }
    return new HttpPieceStream(
        client,
        completionsUrl,
        call,
        request,
        new OpenAiChunkDecoder(client.failures(completionsUrl), mapping));
  }

  @Override
  public Optional<Bulkhead> bulkhead() {
    return Optional.of(client.bulkhead());
  }

  @Override
  public void close() {
    client.close();
  }
}
