package io.agentruntime.runtime;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code agent-runtime worker --config FILE} in a process of its own, for tests that kill it: the
 * command line's worker role calls the same launcher.
 */
public final class ChildWorker {

  private ChildWorker() {}

  public static void main(String[] args) {
    int exitCode =
        RuntimeLauncher.serve(
            Path.of(args[0]),
            System.getenv(),
            new PrintWriter(System.err, true),
            RuntimeServer.Role.WORKER);
    if (exitCode != RuntimeLauncher.SERVING) {
      System.exit(exitCode);
    }
  }

  /** Starts a worker JVM on this JVM's class path, its output in {@code log}. */
  static Process start(Path configFile, Path log) throws java.io.IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Daws.accessKeyId=test",
            "-Daws.secretAccessKey=test",
            "-cp",
            System.getProperty("java.class.path"),
            ChildWorker.class.getName(),
            configFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
