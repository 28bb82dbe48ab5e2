package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images cannot be built here (no Docker), so the Dockerfiles are checked against what the
 * build and the pod specs expect: the jar each copies is the one its module's build produces (and
 * the build context holds), and the user is the numeric 10001 the pods run as.
 */
class DockerfileTest {

  private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");
  private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]\\s*$");

  /** The runtime's image runs the {@code agent-runtime} command, which the cli module builds. */
  @ParameterizedTest
  @CsvSource({"runtime, cli", "operator, operator"})
  void copiesTheJarItsModuleBuilds(String image, String module) throws IOException {
    String pom = Files.readString(Path.of("..", module, "pom.xml"));
    Matcher finalName = FINAL_NAME.matcher(pom);
    assertThat(finalName.find()).as("%s/pom.xml names its jar with <finalName>", module).isTrue();

    Matcher copy = COPY.matcher(dockerfile(image));
    assertThat(copy.find()).as("%s/Dockerfile copies a file", image).isTrue();
    assertThat(copy.group(1)).isEqualTo(module + "/target/" + finalName.group(1) + ".jar");
    assertThat(entrypoint(image)).containsSubsequence("-jar", copy.group(2));
    assertThat(Files.readAllLines(Path.of("..", ".dockerignore")))
        .as(".dockerignore lets the jar into the build context")
        .contains("!" + copy.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"runtime", "operator"})
  void runsAsTheNumericNonRootUserThePodsExpect(String module) throws IOException {
    List<String> users =
        dockerfile(module).lines().filter(line -> line.startsWith("USER ")).toList();

    assertThat(users).containsExactly("USER 10001:10001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"runtime", "operator"})
  void startsTheJvmWithNativeAccessAndContainerMemoryFlags(String module) throws IOException {
    assertThat(entrypoint(module))
        .startsWith("java")
        .contains(
            "--enable-native-access=ALL-UNNAMED",
            "-XX:MaxRAMPercentage=75",
            "-XX:+ExitOnOutOfMemoryError");
    assertThat(dockerfile(module)).containsPattern("(?m)^FROM eclipse-temurin:25-jre-noble$");
  }

  private static String dockerfile(String module) throws IOException {
    return Files.readString(Path.of("..", module, "Dockerfile"));
  }

  /** The exec-form ENTRYPOINT's words, unquoted. */
  private static List<String> entrypoint(String module) throws IOException {
    Matcher entrypoint = ENTRYPOINT.matcher(dockerfile(module));
    assertThat(entrypoint.find()).as("%s/Dockerfile has an exec-form ENTRYPOINT", module).isTrue();
    return Pattern.compile("\\s*,\\s*")
        .splitAsStream(entrypoint.group(1).strip())
        .map(word -> word.replaceAll("^\"|\"$", ""))
        .toList();
  }
}
