package io.agentruntime.operator.api.schema;

/**
 * The schema of a Kubernetes quantity ({@code 500m}, {@code 2}, {@code 4Gi}): an integer or a
 * string of Kubernetes' own quantity pattern, bounded so that CEL rules reading it stay cheap.
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

  /** The keywords a quantity's schema adds to the int-or-string the generator writes. */
  public static final String KEYWORDS =
      "{\"pattern\": \"" + PATTERN + "\", \"maxLength\": " + MAX_LENGTH + "}";

  private QuantitySchema() {}
}
