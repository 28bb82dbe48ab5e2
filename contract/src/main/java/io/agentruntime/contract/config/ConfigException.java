package io.agentruntime.contract.config;

/** The configuration file is missing, unreadable or invalid; the message names the key at fault. */
public class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
