/** Thin, reusable access to cedar-java: syntax diagnostics with source positions. */
package io.agentruntime.governance.cedar;
