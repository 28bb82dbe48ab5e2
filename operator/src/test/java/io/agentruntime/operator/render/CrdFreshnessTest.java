package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentruntime.operator.crd.CrdFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed CRDs are the ones the build generates from the API classes, each in a file named
 * after the versions of the resource it holds.
 */
class CrdFreshnessTest {

  @Test
  void everyGeneratedCrdIsCommittedUnchangedUnderTheNameOfItsVersions() throws IOException {
    assumeTrue(
        Files.isDirectory(CrdFiles.GENERATED),
        "no generated CRDs at " + CrdFiles.GENERATED + ": run the build's process-classes first");
    for (Path generated : CrdFiles.list(CrdFiles.GENERATED)) {
      Path committed = CrdFiles.COMMITTED.resolve(CrdFiles.committedName(CrdFiles.read(generated)));

      assertThat(committed).as("CRD %s is not committed: run `make crds`", committed).exists();
      assertThat(Files.readString(committed))
          .as("%s is stale: run `make crds`", committed)
          .isEqualTo(Files.readString(generated));
    }
  }

  @Test
  void everyCommittedCrdIsNamedAfterTheVersionsItHolds() {
    assertThat(CrdFiles.list(CrdFiles.COMMITTED))
        .as("run `make crds`")
        .containsExactlyInAnyOrderElementsOf(CrdFiles.committed())
        .allSatisfy(
            file ->
                assertThat(file.getFileName().toString())
                    .isEqualTo(CrdFiles.committedName(CrdFiles.read(file))));
  }
}
