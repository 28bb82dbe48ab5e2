package io.agentruntime.runtime.config;

import java.time.Duration;

/**
 * One intent a caller may dispatch (configuration {@code intents[]}).
 *
 * @param name the intent, also the Cedar action {@code Action::"<name>"}
 * @param timeout how long the backend may take: past it the caller gets 504
 * @param backend where the intent is served
 */
public record IntentConfig(String name, Duration timeout, BackendConfig backend) {}
