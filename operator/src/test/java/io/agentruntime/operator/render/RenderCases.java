package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * AgentRuntimes rendered by the golden and schema tests beyond the shipped examples: {@code
 * src/test/resources/cases/<case>.yaml}, for combinations no example shows.
 */
public final class RenderCases {

  private static final Path FOLDER = Path.of("src", "test", "resources", "cases");

  private RenderCases() {}

  /** Names of every case, without the extension. */
  public static List<String> names() {
    return AgentRuntimeFixtures.yamlNames(FOLDER);
  }

  /** The case {@code <name>.yaml}. */
  public static AgentRuntime load(String name) {
    try {
      return AgentRuntimeFixtures.parse(Files.readString(FOLDER.resolve(name + ".yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
