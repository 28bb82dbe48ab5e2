/**
 * The runtime's configuration file, the contract between the operator that writes it and the
 * runtime that reads it: one record per section ({@link RuntimeConfig} and its parts, a sealed
 * family for backends) and {@link RuntimeConfigFormat}, which reads and writes the YAML.
 */
package io.agentruntime.contract.config;
