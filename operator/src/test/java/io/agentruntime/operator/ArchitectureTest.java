package io.agentruntime.operator;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.agentruntime.governance.testing.PackageSlices;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.reconciler.AgentRuntimeReconciler;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.EffectiveSpec;

/**
 * The operator's layers (CONTRIBUTING, "Layers in the operator"): the CR types ({@code api}, with
 * the add-ons' kinds in {@code addon}) under pure renderers ({@code render}), under the JOSDK
 * adapters ({@code dependent}), under the reconcilers, which only the runner wires. Renderers are
 * pure functions: they may build model objects but never reach a client or JOSDK. The CRD check
 * ({@code crd}) stands beside them for the {@code render} command alone: it reads CRDs as JSON, so
 * of the operator it may use only {@code api} (the schema pieces the CRDs share).
 */
@AnalyzeClasses(
    packages = "io.agentruntime.operator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String OPERATOR = "io.agentruntime.operator";

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Main")
          .definedBy(OPERATOR)
          .layer("Api")
          .definedBy(OPERATOR + ".api..", OPERATOR + ".addon..")
          .layer("Crd")
          .definedBy(OPERATOR + ".crd..")
          .layer("Validation")
          .definedBy(OPERATOR + ".validation..")
          .layer("Render")
          .definedBy(OPERATOR + ".render..")
          .layer("Status")
          .definedBy(OPERATOR + ".status..")
          .layer("Store")
          .definedBy(OPERATOR + ".store..")
          .layer("Dependent")
          .definedBy(OPERATOR + ".dependent..")
          .layer("Reconciler")
          .definedBy(OPERATOR + ".reconciler..")
          .layer("Runner")
          .definedBy(OPERATOR + ".runner..")
          .layer("RenderCommand")
          .definedBy(OPERATOR + ".cli..")
          .whereLayer("Main")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Runner")
          .mayOnlyBeAccessedByLayers("Main")
          .whereLayer("RenderCommand")
          .mayOnlyBeAccessedByLayers("Main")
          .whereLayer("Reconciler")
          .mayOnlyBeAccessedByLayers("Runner")
          .whereLayer("Dependent")
          .mayOnlyBeAccessedByLayers("Reconciler")
          .whereLayer("Status")
          .mayOnlyBeAccessedByLayers("Dependent", "Reconciler")
          .whereLayer("Store")
          .mayOnlyBeAccessedByLayers("Reconciler", "Runner")
          .whereLayer("Render")
          .mayOnlyBeAccessedByLayers("Status", "Dependent", "Reconciler", "Runner", "RenderCommand")
          .whereLayer("Validation")
          .mayOnlyBeAccessedByLayers("Reconciler", "RenderCommand")
          .whereLayer("Crd")
          .mayOnlyBeAccessedByLayers("RenderCommand")
          .whereLayer("Crd")
          .mayOnlyAccessLayers("Api");

  /** Renderers and the CRD check are pure: the render command runs them without a cluster. */
  @ArchTest
  static final ArchRule renderersAndTheCrdCheckReachNoClientAndNoJosdk =
      noClasses()
          .that()
          .resideInAnyPackage(OPERATOR + ".render..", OPERATOR + ".crd..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fabric8.kubernetes.client..", "io.javaoperatorsdk..");

  /**
   * The process's environment is read where its settings are parsed (the {@code run} command),
   * never by renderers, dependents or reconcilers: what they need comes from the operator's
   * settings.
   */
  @ArchTest
  static final ArchRule onlyTheRunnerReadsTheEnvironment =
      noClasses()
          .that()
          .resideOutsideOfPackage(OPERATOR + ".runner..")
          .should()
          .callMethodWhere(
              describe(
                  "System.getenv",
                  call ->
                      call.getTarget().getOwner().isEquivalentTo(System.class)
                          && call.getTarget().getName().equals("getenv")));

  /** A reconciler lends no static helper to other classes: shared code has a class of its own. */
  @ArchTest
  static final ArchRule reconcilersLendNoStaticHelpers =
      noClasses()
          .should()
          .callMethodWhere(
              describe(
                  "a static method of another class's reconciler",
                  call ->
                      call.getTarget().getOwner().getSimpleName().endsWith("Reconciler")
                          && !call.getOriginOwner().equals(call.getTarget().getOwner())
                          && call.getTarget()
                              .resolveMember()
                              .filter(method -> method.getModifiers().contains(JavaModifier.STATIC))
                              .isPresent()));

  /**
   * The effective spec is built once per rendering ({@code AgentRuntimeRenderer}) or reconciliation
   * ({@code AgentRuntimeReconciler}) and handed to everything else, so no part of one pass reads
   * defaults applied separately.
   */
  @ArchTest
  static final ArchRule theEffectiveSpecIsBuiltOncePerPass =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(AgentRuntimeRenderer.class.getName())
          .and()
          .doNotHaveFullyQualifiedName(AgentRuntimeReconciler.class.getName())
          .should()
          .callMethod(EffectiveSpec.class, "of", AgentRuntimeSpec.class);

  @ArchTest
  static final ArchRule hasNoPackageCycles =
      slices().assignedFrom(PackageSlices.of(OPERATOR)).should().beFreeOfCycles();
}
