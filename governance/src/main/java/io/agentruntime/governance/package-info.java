/** Cedar governance: policy model, engine and policy stores. */
package io.agentruntime.governance;
