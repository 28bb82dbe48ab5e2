package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Marks an intent served by the runtime's own inference pool ({@code inference: {}}); the model and
 * address come from {@code spec.inference}. The Jackson annotation lets it serialize as {@code {}}
 * rather than fail as a bean without properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InferenceBackend {}
