package io.agentruntime.contract.config;

import io.agentruntime.governance.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One YAML mapping of a configuration file being written, its keys in the order put, its values
 * spelled as {@link ConfigNode} reads them back ({@code 10s}, {@code 1MiB}).
 *
 * <p>A written file states few keys: those a reader checks against the objects rendered beside the
 * file ({@link #put}), and any other only where it differs from its default ({@link
 * #putUnlessDefault}), so the file stays short and every line in it means something.
 */
final class MappingWriter {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Writes {@code value} whatever it is. */
  MappingWriter put(String key, Object value) {
    fields.put(key, spelled(value));
    return this;
  }

  /** Writes {@code value} unless it equals {@code defaultValue}. */
  MappingWriter putUnlessDefault(String key, Object value, Object defaultValue) {
    if (!Objects.equals(value, defaultValue)) {
      put(key, value);
    }
    return this;
  }

  /** Writes a size in bytes ({@code 512KiB}, {@code 1MiB}) unless it is {@code defaultBytes}. */
  MappingWriter putSizeUnlessDefault(String key, long bytes, long defaultBytes) {
    if (bytes != defaultBytes) {
      fields.put(key, size(bytes));
    }
    return this;
  }

  /** Writes a nested mapping unless it holds no key. */
  MappingWriter putUnlessEmpty(String key, MappingWriter nested) {
    if (!nested.fields.isEmpty()) {
      fields.put(key, nested.fields);
    }
    return this;
  }

  /** Writes a list of mappings. */
  MappingWriter putList(String key, List<MappingWriter> items) {
    fields.put(key, items.stream().map(item -> item.fields).toList());
    return this;
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  Map<String, Object> fields() {
    return fields;
  }

  private static Object spelled(Object value) {
    return switch (value) {
      case MappingWriter nested -> nested.fields;
      case Duration duration -> Durations.format(duration);
      case String text -> text;
      case Number number -> number;
      case Boolean flag -> flag;
      case Map<?, ?> map -> map;
      // URLs, paths: their text. An enum has a spelling of its own, which the caller chooses.
      default -> {
        if (value instanceof Enum<?>) {
          throw new IllegalArgumentException("spell " + value + " before writing it");
        }
        yield value.toString();
      }
    };
  }

  /** The largest binary unit that denotes {@code bytes} exactly, as {@link ConfigNode} reads it. */
  static String size(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "GiB";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return bytes + "B";
  }
}
