package io.agentruntime.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.agentruntime.governance.testing.PackageSlices;

/** The governance library knows nothing of the modules that use it, and has no package cycle. */
@AnalyzeClasses(
    packages = "io.agentruntime.governance",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule usesNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("io.agentruntime.governance..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.agentruntime.contract..",
              "io.agentruntime.runtime..",
              "io.agentruntime.cli..",
              "io.agentruntime.operator..");

  @ArchTest
  static final ArchRule hasNoPackageCycles =
      slices()
          .assignedFrom(PackageSlices.of("io.agentruntime.governance"))
          .should()
          .beFreeOfCycles();
}
