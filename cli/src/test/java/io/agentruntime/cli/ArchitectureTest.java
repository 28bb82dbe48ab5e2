package io.agentruntime.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.agentruntime.governance.testing.PackageSlices;

/**
 * Only the command itself reaches into the runtime (to serve); the tools stand on the governance
 * library and the contract, so they run against any runtime, deployed or local.
 */
@AnalyzeClasses(
    packages = "io.agentruntime.cli",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule toolsDoNotUseTheRuntimesClasses =
      noClasses()
          .that()
          .resideInAnyPackage("io.agentruntime.cli.policies..", "io.agentruntime.cli.loadtest..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.agentruntime.runtime..");

  @ArchTest
  static final ArchRule hasNoPackageCycles =
      slices().assignedFrom(PackageSlices.of("io.agentruntime.cli")).should().beFreeOfCycles();
}
