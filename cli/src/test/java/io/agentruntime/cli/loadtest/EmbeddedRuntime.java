package io.agentruntime.cli.loadtest;

import io.agentruntime.runtime.RuntimeServer;
import io.agentruntime.runtime.config.RuntimeConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real runtime in this JVM on a random loopback port, configured as {@code make run} is (local
 * mode, file policies) with the given intents and one policy allowing every caller.
 */
final class EmbeddedRuntime implements AutoCloseable {
  private final RuntimeServer server;

  private EmbeddedRuntime(RuntimeServer server) {
    this.server = server;
  }

  static EmbeddedRuntime start(Path dir, String intents) throws Exception {
    Path policies = Files.createDirectories(dir.resolve("policies"));
    Files.writeString(
        policies.resolve("allow.cedar"),
        "@id(\"allow-all\")\npermit (principal, action, resource);\n");
    String yaml =
        """
        runtime: {name: loadtest, namespace: default}
        server:
          host: 127.0.0.1
          port: 0
          management: {port: 0}
        identity: {localMode: true}
        governance:
          store: {file: {directory: policies}}
        """
            + intents;
    Path config = Files.writeString(dir.resolve("runtime.yaml"), yaml);
    RuntimeServer server =
        RuntimeServer.start(new RuntimeConfigLoader(Map.of()).load(config))
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    return new EmbeddedRuntime(server);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Override
  public void close() throws Exception {
    server.shutdown().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
