package io.agentruntime.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contract is small and neutral: the runtime and the operator both depend on it, so it uses
 * nothing but the governance library, Jackson and the JDK.
 */
@AnalyzeClasses(
    packages = "io.agentruntime.contract",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnlyOnGovernanceJacksonAndTheJdk =
      classes()
          .that()
          .resideInAPackage("io.agentruntime.contract..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.agentruntime.contract..",
              "io.agentruntime.governance..",
              "com.fasterxml.jackson..",
              "java..");
}
