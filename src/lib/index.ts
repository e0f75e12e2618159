/**
 * Hand-written workflow helpers built on the generated methods: waiting for runs and files,
 * and the tool-call loop. (Pagination is generated: the `...All` list methods.)
 */
export { WaitAbortedError, WaitTimeoutError, FileProcessingError } from "./errors";
export type { WaitOptions } from "./wait-options";
export { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS } from "./wait-options";
export { POLL_AFTER_HEADER } from "./poll-after";
export {
  TERMINAL_RUN_STATUSES,
  RUN_STOP_STATUSES,
  KNOWN_RUN_STATUSES,
  isTerminalRunStatus,
  isRunStopStatus,
  isKnownRunStatus,
  type TerminalRunStatus,
} from "./run-status";
export {
  waitForRun,
  waitForCompletion,
  createAndWaitForCompletion,
  createAndRunUntilCompletion,
  type WaitForRunOptions,
} from "./wait-for-run";
export {
  runUntilDone,
  type RunUntilDoneOptions,
  type RunUntilDoneNewRun,
  type RunUntilDoneExistingRun,
  type RunUntilDoneResult,
  type ToolErrorPolicy,
} from "./run-until-done";
export {
  streamRunUntilDone,
  type StreamRunUntilDoneOptions,
  type StreamRunUntilDoneResult,
  type StreamEventLike,
  type StreamedRun,
  type StreamedRunOf,
  type StreamToolOutput,
  type StreamRequestOptions,
} from "./stream-run";
export type { StreamedMessage, StreamedTextPart } from "./stream-messages";
export {
  toolOutput,
  errorOutput,
  type ToolHandler,
  type ToolHandlers,
  type ToolCallContext,
  type ToolCallOutcome,
  type ToolCallFailure,
  type ToolCallFailureKind,
  type ToolCallLike,
} from "./tool-calls";
export { waitForProcessing, createAndWaitForProcessing, type WaitForFileOptions } from "./wait-for-file";
