package io.agentruntime.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NoSuchElementException;

/** The objects {@code helm template} printed, in order. */
record RenderedChart(List<JsonNode> objects) {

  /** The kinds of the objects, in order. */
  List<String> kinds() {
    return objects.stream().map(object -> object.path("kind").asText()).toList();
  }

  /** The only object of {@code kind}. */
  JsonNode one(String kind) {
    List<JsonNode> matching =
        objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    if (matching.size() != 1) {
      throw new NoSuchElementException(
          "expected one " + kind + ", the chart rendered " + matching.size() + ": " + kinds());
    }
    return matching.getFirst();
  }

  /** Every object of {@code kind}, in order. */
  List<JsonNode> all(String kind) {
    return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
  }

  /** The ServiceAccount the operator's pods run as. */
  String serviceAccountName() {
    return one("Deployment")
        .path("spec")
        .path("template")
        .path("spec")
        .path("serviceAccountName")
        .asText();
  }

  /** The operator's container in the Deployment. */
  JsonNode operatorContainer() {
    return one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
  }

  /** The value of the operator container's environment variable {@code name}, or null. */
  String env(String name) {
    for (JsonNode variable : operatorContainer().path("env")) {
      if (name.equals(variable.path("name").asText())) {
        return variable.path("value").asText(null);
      }
    }
    return null;
  }
}
