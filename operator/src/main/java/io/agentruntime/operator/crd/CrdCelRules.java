package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.Program;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every CEL rule of one version of a CRD, compiled as the API server compiles them: {@code self}
 * (and {@code oldSelf}) typed from the schema node the rule guards ({@link SchemaCelTypes}), with
 * CEL's standard library, the string, set and optional extensions, and the part of Kubernetes' own
 * libraries in {@link KubernetesCelLibrary}. A rule calling a Kubernetes function beyond those is
 * {@link Skipped} (with its text, for the report), never passed.
 */
final class CrdCelRules {

  /** Kubernetes' CEL library functions {@code dev.cel} and {@link KubernetesCelLibrary} lack. */
  private static final Set<String> MISSING_KUBERNETES_FUNCTIONS =
      Set.of(
          "url",
          "isURL",
          "getScheme",
          "getHost",
          "getHostname",
          "getPort",
          "getEscapedPath",
          "getQuery",
          "ip",
          "isIP",
          "cidr",
          "isCIDR",
          "format",
          "isSorted",
          "sum",
          "indexOf",
          "lastIndexOf",
          "semver",
          "isSemver",
          "authorizer",
          "sign",
          "asInteger",
          "isInteger",
          "asApproximateFloat",
          "add",
          "sub");

  /** A rule that compiled. */
  record Compiled(
      CrdRule rule, CelAbstractSyntaxTree ast, Program program, Optional<Program> message) {

    /** Whether the rule holds for {@code self}. */
    boolean holds(Object self) throws CelEvaluationException {
      return Boolean.TRUE.equals(program.eval(Map.of("self", self)));
    }
  }

  /** A rule calling a Kubernetes function this check cannot evaluate. */
  record Skipped(CrdRule rule, String reason) {}

  /** A rule that does not compile: the API server would refuse the CRD. */
  record Failed(CrdRule rule, String error) {}

  private final List<Compiled> compiled = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<Failed> failed = new ArrayList<>();
  private final Map<JsonNode, List<Compiled>> byNode = new IdentityHashMap<>();
  private final JsonNode root;

  private CrdCelRules(JsonNode root) {
    this.root = root;
  }

  /** The rules of {@code crd}'s version {@code version}. */
  static CrdCelRules of(JsonNode crd, String version) {
    JsonNode root = CrdSchemaWalk.versionSchema(crd, version);
    CrdCelRules rules = new CrdCelRules(root);
    SchemaCelTypes types = new SchemaCelTypes();
    CrdSchemaWalk.visit(
        root,
        visit -> {
          JsonNode entries = visit.node().schema().path("x-kubernetes-validations");
          if (!entries.isEmpty()) {
            Cel cel = environment(types, visit);
            entries.forEach(
                entry ->
                    rules.compile(
                        cel, new CrdRule(visit.path(), visit.node(), entry, visit.cardinality())));
          }
        });
    return rules;
  }

  JsonNode root() {
    return root;
  }

  List<Compiled> compiled() {
    return List.copyOf(compiled);
  }

  List<Skipped> skipped() {
    return List.copyOf(skipped);
  }

  List<Failed> failed() {
    return List.copyOf(failed);
  }

  /** Every rule, compiled or not. */
  List<CrdRule> all() {
    List<CrdRule> all = new ArrayList<>();
    compiled.forEach(rule -> all.add(rule.rule()));
    skipped.forEach(rule -> all.add(rule.rule()));
    failed.forEach(rule -> all.add(rule.rule()));
    return all;
  }

  /** The compiled rules guarding {@code schema} (a node of this CRD's schema). */
  List<Compiled> at(JsonNode schema) {
    return byNode.getOrDefault(schema, List.of());
  }

  private void compile(Cel cel, CrdRule rule) {
    try {
      CelAbstractSyntaxTree ast = cel.compile(rule.rule()).getAst();
      if (!SimpleType.BOOL.equals(ast.getResultType())) {
        failed.add(new Failed(rule, "evaluates to " + ast.getResultType() + ", not bool"));
        return;
      }
      Optional<Program> message = Optional.empty();
      if (rule.messageExpression().isPresent()) {
        message =
            Optional.of(cel.createProgram(cel.compile(rule.messageExpression().get()).getAst()));
      }
      Compiled done = new Compiled(rule, ast, cel.createProgram(ast), message);
      compiled.add(done);
      byNode.computeIfAbsent(rule.node().schema(), node -> new ArrayList<>()).add(done);
    } catch (CelValidationException | CelEvaluationException e) {
      Optional<String> missing =
          MISSING_KUBERNETES_FUNCTIONS.stream()
              .filter(name -> e.getMessage().contains("'" + name + "'"))
              .findFirst();
      if (missing.isPresent()) {
        skipped.add(
            new Skipped(rule, "calls Kubernetes' " + missing.get() + "(), which dev.cel lacks"));
      } else {
        failed.add(new Failed(rule, e.getMessage()));
      }
    }
  }

  private static Cel environment(SchemaCelTypes types, CrdSchemaWalk.Visit visit) {
    CelType self =
        types
            .typeOf(visit.node(), visit.path().isEmpty() ? "root" : visit.path())
            .orElse(SimpleType.DYN);
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    return CelFactory.standardCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types.provider())
        .addCompilerLibraries(
            CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional())
        .addRuntimeLibraries(
            CelExtensions.strings(), CelExtensions.sets(options), CelExtensions.optional())
        .addFunctionDeclarations(KubernetesCelLibrary.declarations())
        .addFunctionBindings(KubernetesCelLibrary.bindings())
        .addVar("self", self)
        .addVar("oldSelf", self)
        .build();
  }
}
