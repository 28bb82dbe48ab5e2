/**
 * {@code agent-runtime demo-mcp-server}: a small MCP server that {@code make run} serves behind the
 * runtime's MCP gateway, so that the gateway can be tried on one machine.
 */
package io.agentruntime.cli.demo;
