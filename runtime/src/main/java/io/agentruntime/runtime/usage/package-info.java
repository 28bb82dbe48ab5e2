/**
 * What a finished model or tool call consumed: the tokens its backend reported, handed once per
 * request to a {@link io.agentruntime.runtime.usage.CompletionListener}.
 */
package io.agentruntime.runtime.usage;
