package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An enum of the API whose constants are written in resources under names of their own ({@code
 * on-demand}, {@code ReadWriteMany}). Each constant states its name once, with Jackson's {@code
 * JsonProperty}, which Jackson writes and reads and the CRD generator lists as the field's {@code
 * enum}; {@link #value()} reads it back for the renderers. An enum whose names belong to another
 * model (the governance engine's modes) overrides {@link #value()} and marks it {@code JsonValue}.
 */
public interface ResourceValue {

  /** The constant's Java name (implemented by every enum). */
  String name();

  /** The enum the constant belongs to (implemented by every enum). */
  Class<?> getDeclaringClass();

  /** The value as written in the resource. */
  default String value() {
    try {
      JsonProperty written = getDeclaringClass().getField(name()).getAnnotation(JsonProperty.class);
      if (written == null) {
        throw new IllegalStateException(
            getDeclaringClass().getSimpleName() + "." + name() + " has no @JsonProperty name");
      }
      return written.value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(getDeclaringClass().getSimpleName() + "." + name(), e);
    }
  }
}
