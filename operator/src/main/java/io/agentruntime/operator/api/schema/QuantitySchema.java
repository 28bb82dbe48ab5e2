package io.agentruntime.operator.api.schema;

/**
 * The schema of a Kubernetes quantity ({@code 500m}, {@code "2"}, {@code 4Gi}) in the operator's
 * CRDs: a string of Kubernetes' own quantity pattern, bounded. Kubernetes' own objects take an
 * integer too; here a whole number is quoted, because the API server estimates the cost of a CEL
 * rule converting an int-or-string to a string (for its quantity library) as unbounded, and would
 * refuse the CRD.
 */
public final class QuantitySchema {

  /**
   * Kubernetes' quantity pattern (the one its OpenAPI schema gives {@code Quantity}), written with
   * {@code [.]} and {@code [+-]} instead of escapes so that it can stand in JSON as it is.
   */
  public static final String PATTERN =
      "^[+-]?(([0-9]+([.][0-9]*)?)|([.][0-9]+))"
          + "(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?(([0-9]+([.][0-9]*)?)|([.][0-9]+))))?$";

  /** The longest quantity string: far more than any real quantity needs. */
  public static final int MAX_LENGTH = 64;

  /**
   * A merge patch turning the int-or-string the generator writes for a {@code Quantity} into the
   * quantity string of this schema.
   */
  public static final String SCHEMA =
      "{\"type\": \"string\", \"anyOf\": null, \"x-kubernetes-int-or-string\": null,"
          + " \"pattern\": \""
          + PATTERN
          + "\", \"maxLength\": "
          + MAX_LENGTH
          + "}";

  private QuantitySchema() {}
}
