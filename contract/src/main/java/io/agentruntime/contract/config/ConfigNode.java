package io.agentruntime.contract.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agentruntime.governance.Durations;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML mapping of the configuration file, read key by key. Every error names the full key path
 * ({@code intents[1].timeout}); {@link #rejectUnknownKeys()} fails on any key nobody asked for.
 */
final class ConfigNode {

  private static final Pattern SIZE = Pattern.compile("(\\d+)(B|KiB|MiB|GiB)?");

  private final String path;
  private final JsonNode node;
  private final Set<String> readKeys = new HashSet<>();

  private ConfigNode(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  static ConfigNode root(JsonNode node) throws ConfigException {
    if (node == null || !node.isObject()) {
      throw new ConfigException("the configuration must be a YAML mapping");
    }
    return new ConfigNode("", node);
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The nested mapping under {@code key}; an empty mapping when the key is absent. */
  ConfigNode object(String key) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return new ConfigNode(path(key), JsonNodeFactory.instance.objectNode());
    }
    if (!value.isObject()) {
      throw error(key, "must be a mapping");
    }
    return new ConfigNode(path(key), value);
  }

  /** The mappings of the required, non-empty list under {@code key}. */
  List<ConfigNode> objectList(String key) throws ConfigException {
    JsonNode value = value(key);
    if (value == null || !value.isArray() || value.isEmpty()) {
      throw error(key, "must be a non-empty list");
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = path(key) + "[" + i + "]";
      if (!value.get(i).isObject()) {
        throw new ConfigException(itemPath + ": must be a mapping");
      }
      items.add(new ConfigNode(itemPath, value.get(i)));
    }
    return items;
  }

  /**
   * The mappings of the optional list under {@code key}, empty when absent. A plain value item is
   * short for the mapping {@code {scalarKey: value}}.
   */
  List<ConfigNode> optionalList(String key, String scalarKey) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray() || value.isEmpty()) {
      throw error(key, "must be a non-empty list");
    }
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = path(key) + "[" + i + "]";
      JsonNode item = value.get(i);
      if (item.isValueNode()) {
        item = JsonNodeFactory.instance.objectNode().set(scalarKey, item);
      } else if (!item.isObject()) {
        throw new ConfigException(itemPath + ": must be a mapping or a value");
      }
      items.add(new ConfigNode(itemPath, item));
    }
    return items;
  }

  /**
   * The optional mapping under {@code key}, its entries in file order, each a mapping; a plain
   * value entry is short for the mapping {@code {scalarKey: value}}. Empty when absent.
   */
  Map<String, ConfigNode> optionalMap(String key, String scalarKey) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw error(key, "must be a mapping");
    }
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String entryPath = path(key) + "." + entry.getKey();
      JsonNode item = entry.getValue();
      if (item.isValueNode() && !item.isNull()) {
        item = JsonNodeFactory.instance.objectNode().set(scalarKey, item);
      } else if (!item.isObject()) {
        throw new ConfigException(entryPath + ": must be a mapping or a value");
      }
      entries.put(entry.getKey(), new ConfigNode(entryPath, item));
    }
    return entries;
  }

  /** Whether {@code key} is present and not null; does not count as reading it. */
  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  String string(String key, String defaultValue) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      if (defaultValue == null) {
        throw error(key, "is required");
      }
      return defaultValue;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw error(key, "must be a non-empty string");
    }
    return value.asText().trim();
  }

  /** The required absolute http(s) URL under {@code key}. */
  URI httpUrl(String key) throws ConfigException {
    String text = string(key, null);
    try {
      URI url = new URI(text);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
          || url.getHost() == null) {
        throw error(key, "must be an absolute http(s) URL, got '" + text + "'");
      }
      return url;
    } catch (URISyntaxException e) {
      throw error(key, "invalid URL '" + text + "'");
    }
  }

  int integer(String key, int defaultValue, int min, int max) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    String text = value.asText().trim();
    try {
      int parsed = Integer.parseInt(text);
      if (parsed < min || parsed > max) {
        throw error(key, "must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw error(key, "invalid integer '" + text + "'");
    }
  }

  /** The required non-negative decimal number under {@code key}, such as a price. */
  BigDecimal decimal(String key) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      throw error(key, "is required");
    }
    String text = value.asText().trim();
    try {
      BigDecimal parsed = new BigDecimal(text);
      if (parsed.signum() < 0 || parsed.scale() > 9 || parsed.precision() - parsed.scale() > 9) {
        throw error(key, "must be a non-negative number below 10^9 with at most 9 decimals");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw error(key, "invalid number '" + text + "'");
    }
  }

  /** A number from 0 to 1 under {@code key}, such as a sampling ratio. */
  double fraction(String key, double defaultValue) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    String text = value.asText().trim();
    try {
      double parsed = Double.parseDouble(text);
      if (!(parsed >= 0 && parsed <= 1)) {
        throw error(key, "must be between 0 and 1, got " + text);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw error(key, "invalid number '" + text + "'");
    }
  }

  boolean bool(String key, boolean defaultValue) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.asText().trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "must be true or false, got '" + value.asText() + "'");
    };
  }

  Duration duration(String key, Duration defaultValue) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    Duration parsed =
        Durations.parse(value.asText().trim())
            .orElseThrow(
                () ->
                    error(
                        key,
                        "invalid duration '" + value.asText() + "' (use 250ms, 10s, 5m or 1h)"));
    if (parsed.isZero()) {
      throw error(key, "must be longer than zero");
    }
    return parsed;
  }

  long size(String key, long defaultValue) throws ConfigException {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    Matcher matcher = SIZE.matcher(value.asText().trim());
    if (!matcher.matches()) {
      throw error(key, "invalid size '" + value.asText() + "' (use 512KiB or 1MiB)");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2);
    long bytes =
        switch (unit) {
          case "KiB" -> amount << 10;
          case "MiB" -> amount << 20;
          case "GiB" -> amount << 30;
          default -> amount;
        };
    if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
      throw error(key, "must be between 1B and 2GiB");
    }
    return bytes;
  }

  /** Fails on the first key of this mapping that no accessor read. */
  void rejectUnknownKeys() throws ConfigException {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!readKeys.contains(name)) {
        throw new ConfigException(path(name) + ": unknown key");
      }
    }
  }

  /** An error of this mapping as a whole. */
  ConfigException error(String message) {
    return new ConfigException(path + ": " + message);
  }

  ConfigException error(String key, String message) {
    return new ConfigException(path(key) + ": " + message);
  }

  private JsonNode value(String key) {
    readKeys.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }
}
