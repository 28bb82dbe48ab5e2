package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ValidatingAdmissionPolicy's CEL, compiled with {@code dev.cel} in the environment Kubernetes
 * gives such policies (CEL's standard library with the string and optional extensions; {@code
 * object} the resource, {@code variables} the policy's variables, evaluated in order) and evaluated
 * against a resource: the messages of the validations it fails, as the API server would answer
 * them. An expression that does not compile fails at {@link #of}, as the API server would refuse
 * the policy.
 */
final class AdmissionPolicyCel {

  private record Named(String name, Program program) {}

  private record Validation(Program expression, Program message) {}

  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setOptions(OPTIONS)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
          .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional())
          .addVar("object", SimpleType.DYN)
          .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .build();

  private final List<Named> variables;
  private final List<Validation> validations;

  private AdmissionPolicyCel(List<Named> variables, List<Validation> validations) {
    this.variables = variables;
    this.validations = validations;
  }

  /** The policy whose {@code spec} is given, compiled. */
  static AdmissionPolicyCel of(JsonNode spec) {
    List<Named> variables = new ArrayList<>();
    for (JsonNode variable : spec.path("variables")) {
      variables.add(
          new Named(variable.path("name").asText(), compile(variable.path("expression").asText())));
    }
    List<Validation> validations = new ArrayList<>();
    for (JsonNode validation : spec.path("validations")) {
      validations.add(
          new Validation(
              compile(validation.path("expression").asText()),
              compile(validation.path("messageExpression").asText())));
    }
    return new AdmissionPolicyCel(List.copyOf(variables), List.copyOf(validations));
  }

  /** The messages of the validations {@code resource} fails; empty when it is admitted. */
  List<String> refusals(JsonNode resource) {
    Map<String, Object> activation = new LinkedHashMap<>();
    activation.put("object", value(resource));
    Map<String, Object> values = new LinkedHashMap<>();
    activation.put("variables", values);
    List<String> refusals = new ArrayList<>();
    try {
      for (Named variable : variables) {
        values.put(variable.name(), variable.program().eval(activation));
      }
      for (Validation validation : validations) {
        if (!Boolean.TRUE.equals(validation.expression().eval(activation))) {
          refusals.add((String) validation.message().eval(activation));
        }
      }
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("the API server would fail this evaluation", e);
    }
    return refusals;
  }

  /** JSON as CEL sees it: objects as maps, arrays as lists, whole numbers as int (long). */
  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.isBoolean() ? (Object) node.asBoolean() : node.asText();
  }

  private static Program compile(String expression) {
    try {
      return CEL.createProgram(CEL.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException("does not compile: " + expression, e);
    }
  }
}
