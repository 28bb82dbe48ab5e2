/**
 * {@code agent-runtime policies push|list|diff}: manages a runtime's policy set in the DynamoDB
 * table without the operator, from the same {@code .cedar} files the file store reads.
 *
 * <p>Commands read the files first and reach DynamoDB only when every file is valid, so invalid
 * input never writes anything. Exit codes are in {@link ExitCodes}.
 */
package io.agentruntime.cli.policies;
