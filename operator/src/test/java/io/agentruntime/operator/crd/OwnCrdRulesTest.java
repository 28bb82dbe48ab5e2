package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CEL rules of the operator's CRDs, checked as the API server would: each compiles with {@code
 * self} typed from its schema, the shipped examples and the test fixtures are admitted, and a
 * corpus of invalid resources ({@code src/test/resources/crd-corpus/refused}) is refused, each with
 * the message its first lines ({@code # refused: ...}) expect.
 */
class OwnCrdRulesTest {

  private static final Path REFUSED = Path.of("src", "test", "resources", "crd-corpus", "refused");
  private static final Path CASES = Path.of("src", "test", "resources", "cases");
  private static final YAMLMapper YAML = new YAMLMapper();

  @TestFactory
  Stream<DynamicTest> everyRuleCompilesWithSelfTypedFromItsSchema() {
    assertThat(OwnCrds.all()).flatMap(crd -> crd.rules().compiled()).isNotEmpty();
    return OwnCrds.all().stream()
        .flatMap(
            crd -> {
              assertThat(crd.rules().skipped())
                  .as("%s: a rule of ours the check cannot evaluate", crd.file())
                  .isEmpty();
              assertThat(crd.rules().failed())
                  .as("%s: rules that do not compile", crd.file())
                  .isEmpty();
              return crd.rules().compiled().stream()
                  .map(
                      rule ->
                          DynamicTest.dynamicTest(
                              crd.file().getFileName() + " " + rule.rule(),
                              () ->
                                  assertThat(rule.ast().getResultType().name()).isEqualTo("bool")));
            });
  }

  static Stream<Path> admittedResources() {
    return Stream.concat(yamlFiles(AgentRuntimeFixtures.EXAMPLES), yamlFiles(CASES));
  }

  @ParameterizedTest
  @MethodSource("admittedResources")
  void everyExampleAndFixtureIsAdmitted(Path file) throws IOException {
    JsonNode resource = YAML.readTree(file.toFile());

    assertThat(OwnCrds.refusals(resource)).as(file.toString()).isEmpty();
  }

  static Stream<Path> refusedResources() {
    return yamlFiles(REFUSED);
  }

  @ParameterizedTest
  @MethodSource("refusedResources")
  void everyInvalidResourceIsRefusedWithItsMessage(Path file) throws IOException {
    List<String> expected = expectedRefusals(file);
    assertThat(expected).as("%s names no refusal", file).isNotEmpty();

    List<String> refusals = OwnCrds.refusals(YAML.readTree(file.toFile()));

    for (String refusal : expected) {
      assertThat(refusals).as(file.toString()).anySatisfy(r -> assertThat(r).contains(refusal));
    }
  }

  private static List<String> expectedRefusals(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("# refused: "))
        .map(line -> line.substring("# refused: ".length()))
        .toList();
  }

  private static Stream<Path> yamlFiles(Path folder) {
    return CrdFiles.list(folder).stream()
        .filter(file -> file.toString().endsWith(".yaml"))
        .filter(file -> isOurs(file));
  }

  private static boolean isOurs(Path file) {
    try {
      return YAML.readTree(file.toFile())
          .path("apiVersion")
          .asText()
          .startsWith("agentruntime.io/");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
