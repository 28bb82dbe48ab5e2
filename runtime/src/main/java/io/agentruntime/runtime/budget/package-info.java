/**
 * Token and cost budgets: reserve a request's worst case before its backend call, commit what it
 * consumed after, in this pod's memory or in the governance table shared by every pod.
 */
package io.agentruntime.runtime.budget;
