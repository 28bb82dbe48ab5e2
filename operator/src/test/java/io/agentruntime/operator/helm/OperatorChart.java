package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operator's Helm chart ({@code helm/agent-runtime-operator}), linted and rendered by the Helm
 * library helm-java bundles, as {@code helm lint} and {@code helm template} would.
 */
final class OperatorChart {

  static final Path DIRECTORY = Path.of("..", "helm", "agent-runtime-operator");
  static final String RELEASE = "agent-runtime-operator";
  static final String NAMESPACE = "agent-runtime-system";

  /** Non-default values: watched namespaces, IRSA, a local DynamoDB, metrics, resources. */
  static final Path CUSTOM_VALUES =
      Path.of("src", "test", "resources", "helm", "custom-values.yaml");

  private static final String KUBERNETES_VERSION = "1.35.0";
  private static final YAMLMapper YAML = new YAMLMapper();

  private OperatorChart() {}

  /** {@code helm lint --strict} of the chart with its default values. */
  static LintResult lintStrict() {
    return new Helm(DIRECTORY).lint().strict().call();
  }

  /** The chart's objects (CRDs excluded) with its default values. */
  static RenderedChart render() {
    return parse(template().call());
  }

  /** The chart's objects (CRDs excluded) with {@code valuesFile} over the defaults. */
  static RenderedChart render(Path valuesFile) {
    return parse(template().withValuesFile(valuesFile).call());
  }

  /** The chart's objects (CRDs excluded) with {@code values} set as {@code --set} would. */
  static RenderedChart render(Map<String, Object> values) {
    TemplateCommand command = template();
    values.forEach(command::set);
    return parse(command.call());
  }

  private static TemplateCommand template() {
    return new Helm(DIRECTORY)
        .template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBERNETES_VERSION)
        .skipCrds();
  }

  private static RenderedChart parse(String manifest) {
    try (MappingIterator<JsonNode> documents =
        YAML.readValues(YAML.createParser(manifest), JsonNode.class)) {
      List<JsonNode> objects =
          documents.readAll().stream().filter(node -> node != null && node.isObject()).toList();
      return new RenderedChart(objects);
    } catch (IOException e) {
      throw new UncheckedIOException("helm template printed invalid YAML", e);
    }
  }
}
