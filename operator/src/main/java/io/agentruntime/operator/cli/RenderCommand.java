package io.agentruntime.operator.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.cli.ResourceDocuments.Document;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.InstalledAddOns;
import io.agentruntime.operator.render.RenderSettings;
import io.agentruntime.operator.validation.AgentRuntimeValidator;
import io.agentruntime.operator.validation.GovernancePolicyValidator;
import io.agentruntime.operator.validation.ValidationError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code render -f cr.yaml}: prints the Kubernetes objects the operator would apply for each
 * AgentRuntime on a cluster with the add-ons {@code --addons} names, with no cluster, through the
 * same validator, table of managed kinds and renderers as the reconciler.
 */
@Command(
    name = "render",
    description = {
      "Prints, as multi-document YAML, the objects the operator applies for each AgentRuntime on"
          + " a cluster with the add-ons of --addons: ServiceAccount, ConfigMap, Deployment,"
          + " Service, HorizontalPodAutoscaler and PodDisruptionBudget; with mesh or failover,"
          + " Istio's DestinationRule, VirtualService, PeerAuthentication and (with"
          + " allowedPrincipals or authentication) RequestAuthentication and AuthorizationPolicy.",
      "With inference, the GPU pool: Karpenter NodePool, model cache claim, NetworkPolicy,"
          + " Deployment, Service, and KEDA's ScaledObject (without KEDA, a"
          + " HorizontalPodAutoscaler).",
      "Unless spec.monitoring opts out, prometheus-operator's ServiceMonitor and PrometheusRule.",
      "GovernancePolicy documents are validated (Cedar syntax included) and print nothing: the"
          + " operator writes them into DynamoDB.",
      "An invalid document prints nothing and exits with 1, naming each field at fault."
    })
public final class RenderCommand implements Callable<Integer> {

  /** The value of {@code --addons} for a cluster without any add-on. */
  private static final String NONE = "none";

  /** Namespace of AgentRuntimes that name none when {@code --namespace} is not given. */
  static final String DEFAULT_NAMESPACE = "default";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final GovernancePolicyValidator POLICIES = new GovernancePolicyValidator();

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description =
          "YAML file with AgentRuntime and GovernancePolicy documents; - reads standard input.")
  private String file;

  @Option(
      names = "--namespace",
      paramLabel = "NAMESPACE",
      description = "Namespace of AgentRuntimes that name none (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_NAMESPACE)
  private String namespace;

  @Option(
      names = "--addons",
      paramLabel = "ADDONS",
      description =
          "Add-ons the cluster has, comma-separated: istio, karpenter, keda,"
              + " prometheus-operator; none (or an empty list) for none (default: all four).")
  private String addOns;

  @Option(
      names = "--prometheus-url",
      paramLabel = "URL",
      description =
          "The Prometheus KEDA's triggers query, as the operator's --prometheus-url"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = RenderSettings.DEFAULT_PROMETHEUS_URL)
  private String prometheusUrl;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  private boolean help;

  @Spec private CommandSpec spec;

  private final InputStream stdin;

  /** Reads {@code -f -} from the process's standard input. */
  public RenderCommand() {
    this(System.in);
  }

  RenderCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    InstalledAddOns cluster = installedAddOns();
    RenderSettings settings;
    try {
      settings = RenderSettings.withPrometheus(prometheusUrl, "--prometheus-url");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Document> documents;
    try (Reader reader = open()) {
      documents = ResourceDocuments.read(reader);
    } catch (NoSuchFileException e) {
      err.println("error: " + source() + ": no such file");
      return 1;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : " (line " + at.getLineNr() + ")";
      err.println("error: " + source() + line + ": not valid YAML: " + e.getOriginalMessage());
      return 1;
    }
    List<HasMetadata> valid = new ArrayList<>();
    boolean failed = false;
    for (Document document : documents) {
      List<ValidationError> errors = validate(document);
      errors.forEach(error -> err.println("error: " + describe(document) + ": " + error));
      failed |= !errors.isEmpty();
      if (errors.isEmpty()) {
        valid.add(document.resource());
      }
    }
    err.flush();
    if (failed) {
      return 1;
    }
    print(valid, cluster, settings);
    return 0;
  }

  /** The add-ons {@code --addons} names: every one when the option is absent. */
  private InstalledAddOns installedAddOns() {
    if (addOns == null) {
      return InstalledAddOns.ALL;
    }
    Set<AddOn> named = EnumSet.noneOf(AddOn.class);
    if (addOns.strip().equals(NONE)) {
      return InstalledAddOns.of(named);
    }
    for (String name : addOns.split(",")) {
      if (!name.isBlank()) {
        named.add(AddOn.named(name.strip()).orElseThrow(() -> unknownAddOn(name.strip())));
      }
    }
    return InstalledAddOns.of(named);
  }

  private ParameterException unknownAddOn(String name) {
    return new ParameterException(
        spec.commandLine(),
        "--addons: unknown add-on '"
            + name
            + "' (known: "
            + Arrays.stream(AddOn.values()).map(AddOn::optionName).collect(Collectors.joining(", "))
            + "; or "
            + NONE
            + ")");
  }

  private Reader open() throws IOException {
    if ("-".equals(file)) {
      return new InputStreamReader(stdin, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }

  private List<ValidationError> validate(Document document) {
    HasMetadata resource = document.resource();
    if (resource != null
        && resource.getMetadata() != null
        && resource.getMetadata().getNamespace() == null) {
      resource.getMetadata().setNamespace(namespace);
    }
    if (!document.errors().isEmpty()) {
      return document.errors();
    }
    return switch (resource) {
      case AgentRuntime cr -> AgentRuntimeValidator.validate(cr);
      case GovernancePolicy policy -> POLICIES.validate(policy);
      default -> throw new IllegalStateException("unexpected kind " + resource.getKind());
    };
  }

  private String describe(Document document) {
    HasMetadata resource = document.resource();
    String where = source() + " document " + document.number();
    if (resource == null
        || resource.getMetadata() == null
        || resource.getMetadata().getName() == null) {
      return where;
    }
    return where
        + " ("
        + resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName()
        + ")";
  }

  private String source() {
    return "-".equals(file) ? "<stdin>" : file;
  }

  /** The objects of each AgentRuntime; a GovernancePolicy is written to DynamoDB, not applied. */
  private void print(
      List<HasMetadata> resources, InstalledAddOns cluster, RenderSettings settings) {
    PrintWriter out = spec.commandLine().getOut();
    for (HasMetadata resource : resources) {
      if (resource instanceof AgentRuntime cr) {
        for (HasMetadata object : AgentRuntimeRenderer.render(cr, cluster, settings)) {
          out.print(SERIALIZATION.asYaml(object));
        }
      }
    }
    out.flush();
  }
}
