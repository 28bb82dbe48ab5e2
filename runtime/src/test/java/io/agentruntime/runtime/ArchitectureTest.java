package io.agentruntime.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.agentruntime.governance.testing.PackageSlices;

/**
 * The runtime's packages form no cycle (the root package, which wires them, included), the meters
 * are a leaf every other package may use, and the module serves requests: no command-line or
 * operator code.
 */
@AnalyzeClasses(
    packages = "io.agentruntime.runtime",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule hasNoPackageCycles =
      slices().assignedFrom(PackageSlices.of("io.agentruntime.runtime")).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule metricsDependOnNoOtherRuntimePackage =
      noClasses()
          .that()
          .resideInAPackage("io.agentruntime.runtime.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.agentruntime.runtime",
              "io.agentruntime.runtime.backend..",
              "io.agentruntime.runtime.config..",
              "io.agentruntime.runtime.coordination..",
              "io.agentruntime.runtime.governance..",
              "io.agentruntime.runtime.http..",
              "io.agentruntime.runtime.idempotency..",
              "io.agentruntime.runtime.identity..",
              "io.agentruntime.runtime.intent..",
              "io.agentruntime.runtime.ratelimit..");

  @ArchTest
  static final ArchRule servesWithoutCommandLineOrOperatorCode =
      noClasses()
          .that()
          .resideInAPackage("io.agentruntime.runtime..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.agentruntime.cli..", "io.agentruntime.operator..", "picocli..");
}
