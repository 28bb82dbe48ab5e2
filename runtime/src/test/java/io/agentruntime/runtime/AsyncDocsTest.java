package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.runtime.async.AsyncDispatches;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The figures of long-running dispatches the docs state are the ones the runtime applies. */
class AsyncDocsTest {

  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void theDocsBoundResultsAtTheSizeARecordKeeps() throws Exception {
    String bound = AsyncDispatches.MAX_RESULT_BYTES / 1024 + " KiB";
    assertThat(Files.readString(DOCS.resolve("api.md"))).contains("a result over " + bound);
    assertThat(Files.readString(DOCS.resolve("operator.md")))
        .contains("results are bounded at " + bound)
        .doesNotContain("item size, 400 KB");
  }
}
