package io.agentruntime.operator.render;

import io.agentruntime.contract.config.McpServerConfig.HeaderValue;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.McpHeaderSpec;
import io.agentruntime.operator.api.v1alpha1.McpServerSpec;
import io.agentruntime.operator.api.v1alpha1.SecretKeyRef;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP headers whose values come from Secrets ({@code spec.mcpServers[].headers[].valueFrom}):
 * the kubelet mounts each key read-only into the serving runtime's container at {@code
 * /var/run/agentruntime/mcp/<server>/<header index>}, and {@code runtime.yaml} names that file, so
 * a value never passes through the operator or the ConfigMap. The operator reads no Secret: the
 * kubelet does, for the pod. Workers serve no MCP and get none of them.
 */
public final class McpHeaderSecrets {

  /** Where the headers' Secret keys are mounted in the runtime container. */
  public static final String MOUNT_DIR = "/var/run/agentruntime/mcp";

  static final String VOLUME = "mcp-headers";

  /**
   * One header read from a Secret's key.
   *
   * @param path the file's path under {@link #MOUNT_DIR}: {@code <server>/<index of the header>}
   */
  record MountedKey(String path, SecretKeyRef secret) {}

  private McpHeaderSecrets() {}

  /** Where the runtime takes header {@code index} of {@code server} from. */
  static HeaderValue valueOf(McpServerSpec server, int index) {
    McpHeaderSpec header = server.getHeaders().get(index);
    if (header.getValueFrom() == null) {
      return new HeaderValue.Literal(header.getValue());
    }
    return new HeaderValue.FromFile(Path.of(MOUNT_DIR, path(server, index)));
  }

  /** The projected volume of every Secret key a header reads, if any header reads one. */
  static Optional<Volume> volume(AgentRuntimeSpec spec) {
    Map<String, List<KeyToPath>> itemsBySecret = new LinkedHashMap<>();
    for (MountedKey mounted : mountedKeys(spec)) {
      itemsBySecret
          .computeIfAbsent(mounted.secret().getName(), name -> new ArrayList<>())
          .add(new KeyToPath(mounted.secret().getKey(), null, mounted.path()));
    }
    if (itemsBySecret.isEmpty()) {
      return Optional.empty();
    }
    List<VolumeProjection> sources = new ArrayList<>();
    // optional: false: a pod without its upstream's credentials waits rather than starts
    itemsBySecret.forEach(
        (secret, items) ->
            sources.add(
                new VolumeProjectionBuilder()
                    .withNewSecret()
                    .withName(secret)
                    .withItems(items)
                    .withOptional(false)
                    .endSecret()
                    .build()));
    return Optional.of(
        new VolumeBuilder()
            .withName(VOLUME)
            .withNewProjected()
            .withSources(sources)
            .endProjected()
            .build());
  }

  /**
   * The volume's mount: the whole directory, never a {@code subPath}, whose files the kubelet would
   * never update when the Secret changes.
   */
  static VolumeMount mount() {
    return new VolumeMountBuilder()
        .withName(VOLUME)
        .withMountPath(MOUNT_DIR)
        .withReadOnly(true)
        .build();
  }

  private static List<MountedKey> mountedKeys(AgentRuntimeSpec spec) {
    List<MountedKey> mounted = new ArrayList<>();
    for (McpServerSpec server : Optional.ofNullable(spec.getMcpServers()).orElse(List.of())) {
      List<McpHeaderSpec> headers = Optional.ofNullable(server.getHeaders()).orElse(List.of());
      for (int i = 0; i < headers.size(); i++) {
        if (headers.get(i).getValueFrom() != null) {
          mounted.add(
              new MountedKey(path(server, i), headers.get(i).getValueFrom().getSecretKeyRef()));
        }
      }
    }
    return mounted;
  }

  private static String path(McpServerSpec server, int index) {
    return server.getName() + "/" + index;
  }
}
