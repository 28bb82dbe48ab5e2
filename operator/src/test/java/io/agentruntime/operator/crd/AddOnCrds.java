package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The add-ons' own CRDs, whose rules the objects the operator renders must pass: the upstream CRDs
 * in {@code shared/schemas/{karpenter,keda,istio,prometheus-operator}/crds} and the fixtures in
 * {@code src/test/resources/addon-crds} that stand for older releases (each file says which).
 */
final class AddOnCrds {

  /** The system property naming the shared schemas folder (see the operator's pom). */
  static final String SCHEMAS_PROPERTY = "agentruntime.schemas.dir";

  private static final List<String> ADD_ONS =
      List.of("karpenter", "keda", "istio", "prometheus-operator");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "addon-crds");

  /**
   * One add-on CRD's rules for the version the operator writes.
   *
   * @param source the file it came from
   * @param rules its compiled rules
   */
  record AddOnCrd(Path source, CrdCelRules rules) {}

  /** A CRD version found on disk, compiled when an object of it is first checked. */
  private record Source(Path file, JsonNode crd, String version) {}

  private final Map<String, List<Source>> byKind = new LinkedHashMap<>();
  private final Map<String, List<AddOnCrd>> compiled = new LinkedHashMap<>();

  /** The CRDs of the shared schemas folder (if there is one) and the fixtures. */
  static AddOnCrds load() {
    AddOnCrds crds = new AddOnCrds();
    upstreamFolder()
        .ifPresent(
            folder ->
                ADD_ONS.stream()
                    .map(addOn -> folder.resolve(addOn).resolve("crds"))
                    .filter(Files::isDirectory)
                    .forEach(crds::addAll));
    crds.addAll(FIXTURES);
    return crds;
  }

  /** The shared schemas folder, when the build names one that exists. */
  static Optional<Path> upstreamFolder() {
    return Optional.ofNullable(System.getProperty(SCHEMAS_PROPERTY))
        .map(Path::of)
        .filter(Files::isDirectory);
  }

  /** The CRDs (upstream and fixtures) of {@code apiVersion} {@code kind}; empty for other kinds. */
  synchronized List<AddOnCrd> of(String apiVersion, String kind) {
    return compiled.computeIfAbsent(
        apiVersion + " " + kind,
        key ->
            byKind.getOrDefault(key, List.of()).stream()
                .map(
                    source ->
                        new AddOnCrd(source.file(), CrdCelRules.of(source.crd(), source.version())))
                .toList());
  }

  private void addAll(Path folder) {
    for (Path file : CrdFiles.list(folder)) {
      if (file.toString().endsWith(".yaml")) {
        add(file, CrdFiles.read(file));
      }
    }
  }

  private void add(Path file, JsonNode crd) {
    String group = crd.path("spec").path("group").asText();
    String kind = crd.path("spec").path("names").path("kind").asText();
    for (JsonNode version : crd.path("spec").path("versions")) {
      String apiVersion = group + "/" + version.path("name").asText();
      byKind
          .computeIfAbsent(apiVersion + " " + kind, key -> new ArrayList<>())
          .add(new Source(file, crd, version.path("name").asText()));
    }
  }
}
