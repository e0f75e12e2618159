/** Turns the generated run operations' results into observations for the poller. */
import { SDKError } from "../internal/errors";
import type { BaseResult, RequestOptions } from "../internal/runtime";
import type { Gpt } from "../sdk/sdk";
import type { RunObject } from "../sdk/models/shared";
import type { Observation, PollSpec } from "./poll";
import { isKnownRunStatus, isRunStopStatus } from "./run-status";

/** A result carrying a run (createRun, getRun, submitToolOuputsToRun, cancelRun, createThreadAndRun). */
export function runObservation(operation: string, res: BaseResult & { runObject?: RunObject }): Observation<RunObject> {
  if (!res.runObject) throw new SDKError(`${operation}: the response carried no run`, { statusCode: res.statusCode });
  return { value: res.runObject, headers: res.rawResponse.headers };
}

/** How to poll one run with getRun, stopping on a terminal status or `requires_action`. */
export function runPollSpec(
  sdk: Gpt,
  threadId: string,
  runId: string,
  onStatus: ((run: RunObject) => void) | undefined,
  first?: Observation<RunObject>,
): PollSpec<RunObject> {
  return {
    first,
    fetch: async (options: RequestOptions) =>
      runObservation("getRun", await sdk.assistants.getRun(runId, threadId, options)),
    status: (run) => run.status,
    isDone: isRunStopStatus,
    isKnown: isKnownRunStatus,
    onStatus,
  };
}

export function runSubject(threadId: string, runId: string): string {
  return `run ${runId} (thread ${threadId})`;
}
