package io.agentruntime.operator.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A digest of a ConfigMap's data: equal data, equal hash; any change, a new hash. */
public final class ConfigHash {

  private ConfigHash() {}

  /** The SHA-256 of {@code configMap}'s data in key order, as 64 hex digits. */
  public static String of(ConfigMap configMap) {
    MessageDigest digest = Sha256.newDigest();
    Map<String, String> data = new TreeMap<>(configMap.getData());
    data.forEach(
        (key, value) -> {
          // Length prefixes keep ("ab","c") and ("a","bc") apart.
          update(digest, key);
          update(digest, value);
        });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }
}
