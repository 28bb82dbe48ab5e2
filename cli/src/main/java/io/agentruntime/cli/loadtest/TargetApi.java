package io.agentruntime.cli.loadtest;

/** The runtime API a load test calls ({@code --api}): what it sends and how a stream reads. */
enum TargetApi {
  /** {@code POST /dispatch}; streamed with {@code Accept: text/event-stream}. */
  DISPATCH("/dispatch"),
  /** {@code POST /v1/chat/completions}; streamed with {@code "stream": true}. */
  CHAT("/v1/chat/completions");

  private final String path;

  TargetApi(String path) {
    this.path = path;
  }

  /** Where {@code make run} serves it. */
  String defaultUrl() {
    return "http://127.0.0.1:8080" + path;
  }
}
