package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart installs exactly the repository's CRDs: {@code make crds} writes both {@code crds/} and
 * the chart's {@code crds/}, and this fails when one was committed without the other.
 */
class ChartCrdsTest {

  private static final Path REPOSITORY_CRDS = Path.of("..", "crds");
  private static final Path CHART_CRDS = OperatorChart.DIRECTORY.resolve("crds");

  @Test
  void chartHoldsTheSameCrdFilesAsTheRepository() throws IOException {
    assertThat(fileNames(CHART_CRDS))
        .as("CRD files of %s: run `make crds`", CHART_CRDS)
        .isNotEmpty()
        .containsExactlyElementsOf(fileNames(REPOSITORY_CRDS));
  }

  @Test
  void everyChartCrdIsByteIdenticalToTheRepositorys() throws IOException {
    for (String file : fileNames(REPOSITORY_CRDS)) {
      assertThat(Files.readAllBytes(CHART_CRDS.resolve(file)))
          .as("%s differs from crds/%s: run `make crds`", CHART_CRDS.resolve(file), file)
          .isEqualTo(Files.readAllBytes(REPOSITORY_CRDS.resolve(file)));
    }
  }

  private static List<String> fileNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
