package io.agentruntime.cli.demo;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent-runtime demo-mcp-server}: the MCP server {@code make run} puts behind the gateway.
 */
@Command(
    name = "demo-mcp-server",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a small MCP server (Streamable HTTP at /mcp) with the tools echo, add and",
      "delete_repo, for trying the runtime's MCP gateway. Runs until interrupted."
    })
public final class DemoMcpServerCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "default: ${DEFAULT-VALUE}")
  private String host;

  @Option(names = "--port", defaultValue = "8090", description = "default: ${DEFAULT-VALUE}")
  private int port;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    PrintWriter out = spec.commandLine().getOut();
    try {
      DemoMcpServer.start(vertx, host, port).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      spec.commandLine().getErr().println("cannot listen on " + host + ":" + port + ": " + e);
      vertx.close();
      return 1;
    }
    out.println("demo MCP server on http://" + host + ":" + port + "/mcp");
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }
}
