/**
 * Waiting for runs: poll `getRun` until the run reaches a terminal status (`completed`,
 * `failed`, `cancelled`, `expired`, `incomplete`) or `requires_action`, within a deadline.
 * Argument order is the seed's: thread first, then run (the generated `getRun` takes them the other way round).
 */
import type { Gpt } from "../sdk/sdk";
import type { CreateRunRequest, CreateThreadAndRunRequest, RunObject } from "../sdk/models/shared";
import { pollUntilDone } from "./poll";
import { runObservation, runPollSpec, runSubject } from "./run-observations";
import type { WaitOptions } from "./wait-options";
import { withSession } from "./wait-session";

/** Options for waiting on a run; `onStatus` receives each run state seen. */
export type WaitForRunOptions = WaitOptions<RunObject>;

/**
 * Polls a run until it is terminal or `requires_action`, and returns it. The caller checks
 * `run.status`: a failed run is returned, not thrown. Throws WaitTimeoutError at the deadline,
 * WaitAbortedError when `signal` aborts, and the runtime's errors when a poll request fails.
 */
export function waitForRun(
  sdk: Gpt,
  threadId: string,
  runId: string,
  options: WaitForRunOptions = {},
): Promise<RunObject> {
  return withSession(runSubject(threadId, runId), options, (session) =>
    pollUntilDone(session, runPollSpec(sdk, threadId, runId, options.onStatus)),
  );
}

/** The seed's `runs.waitForCompletion(key, threadId, runId)`: the same as waitForRun. */
export const waitForCompletion = waitForRun;

/**
 * The seed's `runs.createAndWaitForCompletion(key, threadId, { assistant_id })`: starts a run on a
 * thread (createRun), then waits for it like waitForRun. The created run is the first state `onStatus` sees.
 */
export function createAndWaitForCompletion(
  sdk: Gpt,
  threadId: string,
  request: CreateRunRequest,
  options: WaitForRunOptions = {},
): Promise<RunObject> {
  return withSession(`new run (thread ${threadId})`, options, async (session) => {
    const created = runObservation(
      "createRun",
      await session.run(sdk.assistants.createRun(request, threadId, session.requestOptions())),
    );
    session.subject = runSubject(threadId, created.value.id);
    return pollUntilDone(session, runPollSpec(sdk, threadId, created.value.id, options.onStatus, created));
  });
}

/**
 * The seed's `threads.createAndRunUntilCompletion(key, { assistant_id, thread })`: creates a thread
 * and runs it in one call (createThreadAndRun), then waits for the run like waitForRun.
 * The run's `threadId` names the new thread.
 */
export function createAndRunUntilCompletion(
  sdk: Gpt,
  request: CreateThreadAndRunRequest,
  options: WaitForRunOptions = {},
): Promise<RunObject> {
  return withSession("new thread and run", options, async (session) => {
    const created = runObservation(
      "createThreadAndRun",
      await session.run(sdk.assistants.createThreadAndRun(request, session.requestOptions())),
    );
    const { id, threadId } = created.value;
    session.subject = runSubject(threadId, id);
    return pollUntilDone(session, runPollSpec(sdk, threadId, id, options.onStatus, created));
  });
}
