package io.agentruntime.operator.crd;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import io.agentruntime.operator.api.schema.QuantitySchema;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Kubernetes' CEL libraries the checked CRDs use and {@code dev.cel} lacks, with the
 * semantics Kubernetes documents: the regex library's {@code find} and {@code findAll}, and the
 * quantity library's {@code quantity}, {@code isQuantity} and comparisons. A rule calling any other
 * Kubernetes function (url, ip, cidr, format, ...) does not compile here and is reported as
 * skipped, never passed.
 */
final class KubernetesCelLibrary {

  /** Kubernetes' {@code Quantity} type in CEL. */
  static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");

  /** A parsed quantity: its amount, for comparisons. */
  record QuantityValue(BigDecimal amount) {}

  private static final Pattern QUANTITY_SYNTAX = Pattern.compile(QuantitySchema.PATTERN);

  private KubernetesCelLibrary() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        member(
            "find", "string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING),
        member(
            "findAll",
            "string_find_all_string",
            ListType.create(SimpleType.STRING),
            SimpleType.STRING,
            SimpleType.STRING),
        CelFunctionDecl.newFunctionDeclaration(
            "quantity",
            CelOverloadDecl.newGlobalOverload("string_to_quantity", QUANTITY, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isQuantity",
            CelOverloadDecl.newGlobalOverload(
                "is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
        member("compareTo", "quantity_compareTo_quantity", SimpleType.INT, QUANTITY, QUANTITY),
        member("isLessThan", "quantity_isLessThan_quantity", SimpleType.BOOL, QUANTITY, QUANTITY),
        member(
            "isGreaterThan",
            "quantity_isGreaterThan_quantity",
            SimpleType.BOOL,
            QUANTITY,
            QUANTITY));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from(
            "string_find_string", String.class, String.class, KubernetesCelLibrary::find),
        CelFunctionBinding.from(
            "string_find_all_string", String.class, String.class, KubernetesCelLibrary::findAll),
        CelFunctionBinding.from("string_to_quantity", String.class, KubernetesCelLibrary::quantity),
        CelFunctionBinding.from("is_quantity_string", String.class, text -> parse(text) != null),
        CelFunctionBinding.from(
            "quantity_compareTo_quantity",
            QuantityValue.class,
            QuantityValue.class,
            (a, b) -> (long) a.amount().compareTo(b.amount())),
        CelFunctionBinding.from(
            "quantity_isLessThan_quantity",
            QuantityValue.class,
            QuantityValue.class,
            (a, b) -> a.amount().compareTo(b.amount()) < 0),
        CelFunctionBinding.from(
            "quantity_isGreaterThan_quantity",
            QuantityValue.class,
            QuantityValue.class,
            (a, b) -> a.amount().compareTo(b.amount()) > 0));
  }

  private static CelFunctionDecl member(
      String name, String overload, CelType result, CelType receiver, CelType argument) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(overload, result, receiver, argument));
  }

  /** The first match of {@code regex} in {@code text}, or "" (Kubernetes' {@code find}). */
  private static String find(String text, String regex) {
    Matcher match = Pattern.compile(regex).matcher(text);
    return match.find() ? match.group() : "";
  }

  private static List<String> findAll(String text, String regex) {
    List<String> matches = new ArrayList<>();
    Matcher match = Pattern.compile(regex).matcher(text);
    while (match.find()) {
      matches.add(match.group());
    }
    return matches;
  }

  private static QuantityValue quantity(String text) {
    QuantityValue value = parse(text);
    if (value == null) {
      throw new IllegalArgumentException("quantity: '" + text + "' is not a quantity");
    }
    return value;
  }

  private static QuantityValue parse(String text) {
    if (!QUANTITY_SYNTAX.matcher(text).matches()) {
      return null;
    }
    return new QuantityValue(new Quantity(text).getNumericalAmount());
  }
}
